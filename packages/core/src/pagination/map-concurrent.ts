import pMap from 'p-map';
import { throwIfAborted } from '../errors/to-orgport-error.js';

/** Options of {@link mapConcurrent}. */
export interface MapConcurrentOptions {
  /** Calls in flight at once (at least 1). */
  readonly concurrency: number;
  /** Stops starting new calls once it fires; the result rejects with `cancelled`. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Maps `items` with at most `concurrency` calls in flight, keeping the order of the
 * results; the first failure rejects (calls already started finish, none start). For
 * adapters that must fan out per-item requests (a role lookup per member, a write per
 * chunk) without flooding the vendor. Built on p-map.
 *
 * @example
 * ```ts
 * const roles = await mapConcurrent(members, (m) => fetchRoles(m.id, signal), { concurrency: 4, signal });
 * ```
 */
export function mapConcurrent<T, R>(
  items: Iterable<T>,
  mapper: (item: T, index: number) => Promise<R>,
  options: MapConcurrentOptions,
): Promise<R[]> {
  return pMap(
    items,
    (item, index) => {
      throwIfAborted(options.signal);
      return mapper(item, index);
    },
    { concurrency: Math.max(1, Math.floor(options.concurrency)) },
  );
}
