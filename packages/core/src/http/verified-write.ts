import { OrgPortError } from '../errors/orgport-error.js';

/** Options of {@link verifiedWrite}. */
export interface VerifiedWriteOptions<T> {
  /** Sends the write once (the transport does not retry unsafe writes). */
  readonly write: () => Promise<T>;
  /**
   * Looks the result up after a failure whose outcome is unknown: the thing written, if
   * the write did happen, else undefined.
   */
  readonly verify: () => Promise<T | undefined>;
  /** Attempts in all. Default 4. */
  readonly attempts?: number;
  /**
   * An error that, on a retry, means the first attempt did succeed (e.g. `already_exists`
   * for a create): the result is then taken from `verify`.
   */
  readonly conflictMeansDone?: boolean;
}

const UNKNOWN_OUTCOME = new Set(['unavailable', 'timeout']);

/**
 * Sends a write that is not safe to repeat blindly (a create), and when it fails in a way
 * that leaves its outcome unknown (5xx, reset, timeout), checks whether it happened before
 * sending it again. Never creates twice, never reports failure for a write that succeeded.
 */
export async function verifiedWrite<T>(options: VerifiedWriteOptions<T>): Promise<T> {
  const attempts = options.attempts ?? 4;
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await options.write();
    } catch (error) {
      lastError = error;
      const conflictAfterRetry =
        attempt > 0 && options.conflictMeansDone && OrgPortError.is(error, 'already_exists');
      if (!conflictAfterRetry && !(OrgPortError.is(error) && UNKNOWN_OUTCOME.has(error.code))) throw error;
      const found = await options.verify();
      if (found !== undefined) return found;
      if (conflictAfterRetry) throw error;
    }
  }
  throw lastError;
}
