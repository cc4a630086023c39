import { cancelledBy } from '../errors/to-orgport-error.js';
import type { Clock } from './clock.js';

/** A {@link Clock} whose time moves only when someone sleeps on it (or a test advances it). */
export interface VirtualClock extends Clock {
  /** Every wait asked of this clock, in milliseconds, in the order asked. */
  readonly sleeps: readonly number[];
  /** Moves the time forward by `ms`, as if that much time went by without anyone sleeping. */
  advance(ms: number): void;
}

interface Sleeper {
  readonly at: number;
  readonly order: number;
  readonly wake: () => void;
}

/**
 * A virtual clock for tests: `sleep(ms)` returns on the next turn of the event loop and
 * moves the time forward to the sleeper's deadline, earliest deadline first. Share one
 * between a client and a simulator, and a `Retry-After: 1` round trip takes microseconds
 * of real time while both sides agree a second went by; `sleeps` lets the test assert it.
 *
 * @param startMs - the initial time (default: the real time when created)
 */
export function createVirtualClock(startMs: number = Date.now()): VirtualClock {
  let current = startMs;
  let order = 0;
  const sleeps: number[] = [];
  const pending: Sleeper[] = [];
  let scheduled = false;

  const fireNext = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    pending.sort((a, b) => a.at - b.at || a.order - b.order);
    const next = pending.shift() as Sleeper;
    current = Math.max(current, next.at);
    next.wake();
    schedule();
  };
  const schedule = (): void => {
    if (scheduled || pending.length === 0) return;
    scheduled = true;
    setImmediate(fireNext);
  };

  return {
    now: () => current,
    sleeps,
    advance(ms) {
      current += Math.max(0, ms);
    },
    sleep(ms, signal) {
      const wait = Math.max(0, ms);
      sleeps.push(wait);
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(cancelledBy(signal));
          return;
        }
        const onAbort = (): void => {
          const index = pending.indexOf(sleeper);
          if (index >= 0) pending.splice(index, 1);
          reject(cancelledBy(signal));
        };
        const sleeper: Sleeper = {
          at: current + wait,
          order: order++,
          wake: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        pending.push(sleeper);
        signal?.addEventListener('abort', onAbort, { once: true });
        schedule();
      });
    },
  };
}
