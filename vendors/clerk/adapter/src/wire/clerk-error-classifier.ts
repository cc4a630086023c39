import type { VendorErrorClassification, VendorFailure } from '@orgport/core/driver';

/** The first `errors[].code` of a `ClerkErrors` body. */
export function clerkErrorCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return undefined;
  const first = errors[0] as { code?: unknown } | undefined;
  return typeof first?.code === 'string' ? first.code : undefined;
}

function clerkMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return undefined;
  const first = errors[0] as { long_message?: unknown; message?: unknown } | undefined;
  const text = first?.long_message ?? first?.message;
  return typeof text === 'string' ? text.slice(0, 300) : undefined;
}

/** Codes of "this membership already exists": the emulator's and the Backend API's. */
const DUPLICATE_CODES = new Set(['DUPLICATE_RECORD', 'already_a_member_in_organization', 'duplicate_record']);

/** Codes of "the slug is taken". */
const TAKEN_CODES = new Set(['form_identifier_exists', 'organization_slug_taken', 'duplicate_record']);

/**
 * Maps Clerk error bodies (`{ errors: [{ code, message, long_message }] }`) to orgport codes.
 * A 403 that says the request quota is used up (`X-RateLimit-Remaining: 0`, as the emulator
 * answers after 5,000 requests an hour per key) is `rate_limited` with the wait until the
 * reset, not `permission_denied`: nothing is wrong with the key, it is out of requests.
 */
export function classifyClerkError(failure: VendorFailure): VendorErrorClassification | undefined {
  const errorCode = clerkErrorCode(failure.body);
  const message = clerkMessage(failure.body);
  if (failure.status === 403 && failure.headers['x-ratelimit-remaining'] === '0') {
    return {
      code: 'rate_limited',
      message: message ?? 'the API key has used up its request quota',
      errorCode,
    };
  }
  if ((failure.status === 400 || failure.status === 422) && errorCode !== undefined) {
    if (DUPLICATE_CODES.has(errorCode) && failure.path.includes('/memberships'))
      return { code: 'already_exists', message, errorCode };
    if (TAKEN_CODES.has(errorCode) && /\/organizations\/?$/.test(failure.path))
      return { code: 'already_exists', message, errorCode };
  }
  if (errorCode === 'resource_not_found' || errorCode === 'RESOURCE_NOT_FOUND')
    return { code: 'not_found', message, errorCode };
  return message !== undefined || errorCode !== undefined ? { message, errorCode } : undefined;
}
