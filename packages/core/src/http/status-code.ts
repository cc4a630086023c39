import type { ErrorCode } from '../errors/error-code.js';

/** The default mapping from an HTTP status to an orgport error code. */
export function errorCodeForStatus(status: number): ErrorCode {
  if (status === 400 || status === 422) return 'invalid_argument';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'permission_denied';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409) return 'already_exists';
  if (status === 412) return 'failed_precondition';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status === 501) return 'unsupported';
  if (status >= 500) return 'unavailable';
  // A redirect or any other answer the API does not give is the vendor's, not a bug here.
  return 'invalid_response';
}
