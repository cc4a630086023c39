/**
 * The time seam: everything in orgport that reads the time or waits (retry backoff,
 * rate-limit pacing, `Retry-After`, token expiry, simulator buckets) asks a `Clock`, so a
 * test can swap in a {@link createVirtualClock | virtual clock} and run a one-second
 * `Retry-After` in microseconds while still asserting the wait.
 *
 * Socket timeouts (connect, headers, body, whole attempt) stay on the real clock on
 * purpose: they guard real sockets, which a virtual clock cannot make faster.
 */
export interface Clock {
  /** Milliseconds since the epoch, as `Date.now()`. */
  now(): number;
  /** Waits `ms` milliseconds; rejects with `cancelled` as soon as `signal` fires. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
