/**
 * A rate budget shared beyond one client: every request waits on `acquire` before it is
 * sent (retries included), on top of the client's own pacing from the vendor's headers.
 * The fleet's PostgreSQL budget implements it, so N workers on one credential together
 * stay under the vendor's limit instead of each spending it whole.
 */
export interface RequestPacer {
  /** Resolves when one more request may be sent; rejects with the signal's reason if cancelled. */
  acquire(signal?: AbortSignal): Promise<void>;
}
