/** How the transport retries. */
export interface RetryPolicy {
  /** Retries after the first attempt (so `maxRetries + 1` attempts at most). Default 4. */
  readonly maxRetries: number;
  /** First backoff ceiling in ms; doubles per attempt. Default 200. */
  readonly baseDelayMs: number;
  /** Largest backoff ceiling in ms. Default 10 000. */
  readonly maxDelayMs: number;
  /** A vendor-requested wait longer than this is not waited for: the call fails `rate_limited`. Default 60 000. */
  readonly maxRetryAfterMs: number;
}

/** The defaults of {@link RetryPolicy}. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
};

/**
 * Full-jitter exponential backoff: a uniformly random wait between 0 and
 * `min(maxDelayMs, baseDelayMs · 2^attempt)` (attempt counts from 0).
 */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** Statuses worth retrying: 408, 429 and every 5xx except 501 and 505. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}
