import { cancelledBy } from '../errors/to-orgport-error.js';
import type { Clock } from './clock.js';

/** Waits `ms` milliseconds of real time; rejects with `cancelled` as soon as `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledBy(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledBy(signal));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The real clock: `Date.now()` and timers. The default everywhere. */
export const systemClock: Clock = Object.freeze({ now: () => Date.now(), sleep });
