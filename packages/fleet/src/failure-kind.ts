import { OrgPortError } from '@orgport/core';
import { isConnectionLoss } from './connection-loss.js';

/** Error codes that another try may cure: the vendor or the store was busy, slow or away. */
const TRANSIENT_CODES = new Set<string>(['unavailable', 'timeout', 'rate_limited', 'cancelled']);

/**
 * SQLSTATE classes that another try may cure: connection trouble (08), a serialization
 * failure or deadlock (40), resources exhausted (53), a lock not available (55P03), an
 * operator or a restart (57).
 */
const TRANSIENT_SQLSTATE = /^(08|40|53|57)|^55P03$/;

/**
 * Whether a job failed in a way no retry can cure: a plan that does not load, a connection
 * the worker cannot open or is refused by, a store whose tables changed (SQLSTATE 42…,
 * 22…, 23…), a bug. Such a job fails once, visibly, instead of being retried for hours.
 * Everything that may pass — the store or the vendor away, slow or busy, a cancelled run —
 * is transient.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (isConnectionLoss(error)) return false;
  if (OrgPortError.is(error)) return !TRANSIENT_CODES.has(error.code);
  const sqlState = (error as { code?: unknown } | null)?.code;
  if (typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState))
    return !TRANSIENT_SQLSTATE.test(sqlState);
  // A pool being closed under a stopping worker is not the job's fault.
  if (error instanceof Error && /pool after calling end|Client was closed|not queryable/i.test(error.message))
    return false;
  return true;
}

/** The reason code a failure is grouped under: an OrgPortError's code, `store` for a database error, else `internal`. */
export function failureCode(error: unknown): string {
  if (OrgPortError.is(error)) return error.code;
  if (isConnectionLoss(error)) return 'unavailable';
  const sqlState = (error as { code?: unknown } | null)?.code;
  if (typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState)) return `store ${sqlState}`;
  return 'internal';
}
