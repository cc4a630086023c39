import { OrgPortError, toCallFailure } from '@orgport/core';

const VENDOR = 'better-auth';

interface ApiErrorLike {
  readonly name?: unknown;
  readonly status?: unknown;
  readonly statusCode?: unknown;
  readonly body?: { readonly code?: unknown; readonly message?: unknown } | undefined;
  readonly message?: unknown;
  readonly code?: unknown;
}

/** Plugin error codes that mean "the thing named does not exist". */
const NOT_FOUND = new Set([
  'USER_NOT_FOUND',
  'ORGANIZATION_NOT_FOUND',
  'MEMBER_NOT_FOUND',
  'INVITATION_NOT_FOUND',
  'ROLE_NOT_FOUND',
  'TEAM_NOT_FOUND',
]);
const ALREADY_EXISTS = new Set([
  'ORGANIZATION_ALREADY_EXISTS',
  'ORGANIZATION_SLUG_ALREADY_TAKEN',
  'USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION',
  'USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION',
]);
const LIMITS: ReadonlyMap<string, string> = new Map([
  [
    'ORGANIZATION_MEMBERSHIP_LIMIT_REACHED',
    "the organization has reached the app's membershipLimit (Better Auth's default is 100 members per organization): raise organization({ membershipLimit }) to add more",
  ],
  [
    'INVITATION_LIMIT_REACHED',
    "the organization has reached the app's invitationLimit (Better Auth's default is 100 pending invitations per organization): raise organization({ invitationLimit })",
  ],
]);

/** PostgreSQL error classes (SQLSTATE prefixes) and node socket codes that mean the database is gone or going. */
const UNAVAILABLE_SQLSTATE = /^(08|53|57)/;
const UNAVAILABLE_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);

function isApiError(error: unknown): error is ApiErrorLike {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as ApiErrorLike).name === 'APIError' &&
    typeof (error as ApiErrorLike).statusCode === 'number'
  );
}

/** A database failure: a PostgreSQL error class, a socket code, or a pool that lost its connection. */
function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as ApiErrorLike).code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET.has(code)))
    return true;
  const message = String((error as ApiErrorLike).message ?? '');
  return /Connection terminated|connection.*(closed|ended)|Client has encountered a connection error|Cannot use a pool after calling end|not currently accepting connections|the database system is (starting up|shutting down)/i.test(
    message,
  );
}

/**
 * Turns what Better Auth or its database throws into an `OrgPortError`: the plugin's
 * `APIError`s by their code (limits become `failed_precondition` naming the option), a lost
 * or refusing database `unavailable`, a unique-key violation `already_exists`, anything else
 * `internal` with the original as `cause`. A fired signal wins (`cancelled`).
 */
export function toBetterAuthError(error: unknown, signal?: AbortSignal): OrgPortError {
  if (OrgPortError.is(error) || signal?.aborted) return toCallFailure(error, VENDOR, signal);
  if (isApiError(error)) {
    const code = typeof error.body?.code === 'string' ? error.body.code : undefined;
    const message = typeof error.body?.message === 'string' ? error.body.message : String(error.message);
    const details = { vendor: VENDOR, status: error.statusCode as number, errorCode: code, cause: error };
    const limit = code ? LIMITS.get(code) : undefined;
    if (limit) return new OrgPortError('failed_precondition', `Better Auth refused: ${limit}`, details);
    if (code && NOT_FOUND.has(code)) return new OrgPortError('not_found', `Better Auth: ${message}`, details);
    if (code && ALREADY_EXISTS.has(code))
      return new OrgPortError('already_exists', `Better Auth: ${message}`, details);
    const status = error.statusCode as number;
    const byStatus =
      status === 401
        ? 'unauthenticated'
        : status === 403
          ? 'permission_denied'
          : status === 404
            ? 'not_found'
            : status >= 500
              ? 'unavailable'
              : 'invalid_argument';
    return new OrgPortError(byStatus, `Better Auth refused: ${message}`, details);
  }
  if (isDatabaseUnavailable(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new OrgPortError(
      'unavailable',
      `the Better Auth database failed (${message}): retry, or resume the migration, once it is back`,
      { vendor: VENDOR, cause: error },
    );
  }
  if (typeof error === 'object' && error !== null && (error as ApiErrorLike).code === '23505') {
    return new OrgPortError('already_exists', 'the Better Auth database refused a duplicate key', {
      vendor: VENDOR,
      cause: error,
    });
  }
  return toCallFailure(error, VENDOR, signal);
}
