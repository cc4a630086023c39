/**
 * The closed set of error codes every orgport operation can fail with.
 *
 * Codes are stable across versions; messages may change. Branch on the code, never on
 * the message.
 */
export const ERROR_CODES = [
  'invalid_argument',
  'not_found',
  'already_exists',
  'failed_precondition',
  'unauthenticated',
  'permission_denied',
  'rate_limited',
  'unavailable',
  'timeout',
  'cancelled',
  'unsupported',
  'invalid_response',
  'internal',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes whose failure may go away when the same request is sent again later. */
export const TRANSIENT_ERROR_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'rate_limited',
  'unavailable',
  'timeout',
]);
