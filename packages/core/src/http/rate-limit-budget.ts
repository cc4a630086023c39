import type { Clock } from '../time/clock.js';
import { systemClock } from '../time/system-clock.js';
import type { RateLimitInfo } from './rate-limit-headers.js';

/** How long a request may still wait for the budget before its call's deadline. */
export interface BudgetDeadline {
  /** Milliseconds left before the call must end. */
  leftMs(): number;
  /** The error the call ends with when a wait would pass its deadline. */
  error(): Error;
}

/** Called when a request has to wait for the rate-limit budget. */
export type RateLimitWaitListener = (waitMs: number, reason: 'remaining' | 'retry-after') => void;

/**
 * One rate-limit budget shared by every request drawing from one vendor bucket, however
 * many iterators run at once. It learns from response headers: when the requests in flight
 * would use up what the vendor says remains, further requests wait for the reset; after a
 * 429 every request waits for `Retry-After` (or the reset). Past a reset it sends a single
 * probe and learns the new budget from its answer, because a bucket refilling continuously
 * may have added only one token. Pacing from headers keeps 429s rare instead of retrying
 * into them.
 *
 * A reset is never believed further away than `maxWaitMs`: an epoch reset read with a clock
 * behind the vendor's would otherwise be waited out, skew and all. Past the cap the budget
 * probes, and the vendor's answer (a 429 with `Retry-After`, or fresh headers) says the rest.
 */
export class RateLimitBudget {
  private remaining: number | undefined;
  private resetAtMs = 0;
  private blockedUntilMs = 0;
  private inFlight = 0;
  private probing = false;
  /** Requests waiting for the next answer (or the next request to end). */
  private answerWaiters: (() => void)[] = [];

  /** Creates a budget; the clock is injectable for tests. */
  constructor(
    private readonly clock: Clock = systemClock,
    private readonly onWait?: RateLimitWaitListener,
    private readonly maxWaitMs: number = 60_000,
  ) {}

  private now(): number {
    return this.clock.now();
  }

  /**
   * Waits until a request may be sent, then reserves a slot; call the returned release when
   * it completes. A wait that would pass `deadline` is not begun: its error is thrown.
   */
  async acquire(signal?: AbortSignal, deadline?: BudgetDeadline): Promise<() => void> {
    const check = (wait: number) => {
      if (deadline && wait >= deadline.leftMs()) throw deadline.error();
    };
    for (;;) {
      const now = this.now();
      if (this.blockedUntilMs > now) {
        const wait = this.blockedUntilMs - now;
        check(wait);
        this.onWait?.(wait, 'retry-after');
        await this.clock.sleep(wait, signal);
        continue;
      }
      if (this.probing) {
        // A probe is out: its answer tells the new budget. (No answer with headers: give up knowing.)
        if (this.inFlight === 0) {
          this.probing = false;
          this.remaining = undefined;
        } else {
          await this.nextAnswer(signal);
          continue;
        }
      } else if (this.remaining !== undefined && this.resetAtMs <= now) {
        if (this.remaining - this.inFlight <= 0) {
          // Requests still out will tell the new budget: wait for one instead of probing
          // on top of them (on a bucket that refills continuously, that overdraws it).
          if (this.inFlight > 0) {
            await this.nextAnswer(signal);
            continue;
          }
          this.probing = true;
          return this.reserve();
        }
      } else if (this.remaining !== undefined && this.remaining - this.inFlight <= 0) {
        const wait = Math.max(1, this.resetAtMs - now);
        check(wait);
        this.onWait?.(wait, 'remaining');
        await this.clock.sleep(wait, signal);
        continue;
      }
      return this.reserve();
    }
  }

  private reserve(): () => void {
    this.inFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
      this.wakeWaiters();
    };
  }

  /** Resolves when an answer is learned or a request ends (or rejects when `signal` aborts). */
  private nextAnswer(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.answerWaiters = this.answerWaiters.filter((waiter) => waiter !== wake);
        reject(signal?.reason);
      };
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.answerWaiters.push(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private wakeWaiters(): void {
    const waiters = this.answerWaiters;
    this.answerWaiters = [];
    for (const wake of waiters) wake();
  }

  /** Learns from one response's rate-limit headers. */
  observe(info: RateLimitInfo): void {
    if (info.remaining === undefined || info.resetAtMs === undefined) return;
    if (this.answerWaiters.length > 0) queueMicrotask(() => this.wakeWaiters());
    const now = this.now();
    const resetAtMs = Math.min(info.resetAtMs, now + this.maxWaitMs);
    if (this.probing || resetAtMs > this.resetAtMs || this.resetAtMs <= now) {
      this.probing = false;
      this.resetAtMs = resetAtMs;
      this.remaining = info.remaining;
    } else {
      // Answers of one window arrive out of order: the smallest remaining is the latest.
      this.remaining = Math.min(this.remaining ?? info.remaining, info.remaining);
    }
  }

  /** Makes every request wait until `untilMs` (after a 429). */
  blockUntil(untilMs: number): void {
    this.blockedUntilMs = Math.max(this.blockedUntilMs, untilMs);
  }
}
