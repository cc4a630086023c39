import type { VendorErrorClassification, VendorFailure } from '@orgport/core/driver';

/**
 * Maps Auth0 error bodies (`{ statusCode, error, message, errorCode }`) and token-endpoint
 * errors (`{ error, error_description }`) to orgport codes where the status alone is not
 * enough.
 */
export function classifyAuth0Error(failure: VendorFailure): VendorErrorClassification | undefined {
  const body = (typeof failure.body === 'object' && failure.body !== null ? failure.body : {}) as Record<
    string,
    unknown
  >;
  const errorCode =
    typeof body.errorCode === 'string'
      ? body.errorCode
      : typeof body.error === 'string' && failure.path.endsWith('/oauth/token')
        ? body.error
        : undefined;
  const message =
    typeof body.message === 'string'
      ? body.message
      : typeof body.error_description === 'string'
        ? body.error_description
        : undefined;
  if (failure.path.endsWith('/oauth/token') && (failure.status === 401 || failure.status === 403)) {
    return {
      code: 'unauthenticated',
      errorCode,
      message: `token request refused (${errorCode ?? failure.status}): ${message ?? ''}`.trim(),
    };
  }
  if (errorCode === 'invalid_paging') return { code: 'failed_precondition', errorCode };
  if (failure.status === 400 && message && /do(es)? not exist|not found/i.test(message))
    return { code: 'not_found', errorCode };
  if (failure.status === 409 && message && /No more roles/i.test(message))
    return { code: 'failed_precondition', errorCode };
  return errorCode === undefined ? undefined : { errorCode };
}
