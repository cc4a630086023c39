import { OrgPortError } from '../errors/orgport-error.js';
import { throwIfAborted, toCallFailure } from '../errors/to-orgport-error.js';
import type { Page } from '../ports/page.js';
import { IdFingerprintSet } from './id-fingerprint-set.js';
import type { PagedList, ToArrayOptions } from './paged-list.js';

/** How {@link paginate} fetches and identifies items. */
export interface PaginateOptions<T> {
  /** Fetches the page at `cursor` (`undefined` for the first page). */
  readonly fetchPage: (cursor: string | undefined, signal: AbortSignal | undefined) => Promise<Page<T>>;
  /** The item's id, used to drop an item seen earlier in the same walk. */
  readonly idOf: (item: T) => string;
  /** Cancels the walk between and during pages. */
  readonly signal?: AbortSignal | undefined;
  /** Vendor name for errors. */
  readonly vendor?: string | undefined;
  /** What is being listed, for error messages (e.g. `members.list`). */
  readonly operation?: string | undefined;
}

/** The items whose ids were not seen before; the page itself (no copy) when all are new. */
function keepUnseen<T>(items: readonly T[], seen: IdFingerprintSet, idOf: (item: T) => string): readonly T[] {
  for (let index = 0; index < items.length; index++) {
    if (seen.add(idOf(items[index] as T))) continue;
    // A repeat: copy the new ones before it, then filter the rest.
    const fresh = items.slice(0, index);
    for (let rest = index + 1; rest < items.length; rest++) {
      const item = items[rest] as T;
      if (seen.add(idOf(item))) fresh.push(item);
    }
    return fresh;
  }
  return items;
}

/**
 * The one paginator of orgport. It serves checkpoint, offset (the adapter encodes the
 * page number in its cursor) and unpaginated lists alike. A walk:
 * - ends when a page has no `next`, or when a page is empty (even if it has a `next`);
 * - never yields an id twice (fingerprints, so memory stays flat);
 * - fails with `invalid_response` when a cursor repeats (the vendor would loop forever);
 * - holds only the current page in memory and honours `signal` between pages.
 */
export function paginate<T>(options: PaginateOptions<T>): PagedList<T> {
  const { fetchPage, idOf, signal, vendor, operation = 'list' } = options;

  async function* walkPages(): AsyncGenerator<Page<T>> {
    const seen = new IdFingerprintSet();
    const cursors = new Set<string>();
    let cursor: string | undefined;
    for (;;) {
      throwIfAborted(signal, vendor);
      let page: Page<T>;
      try {
        page = await fetchPage(cursor, signal);
      } catch (error) {
        throw signal?.aborted ? toCallFailure(error, vendor, signal) : error;
      }
      throwIfAborted(signal, vendor);
      if (!page || !Array.isArray(page.items)) {
        throw new OrgPortError('invalid_response', `${operation}: the adapter returned no items array`, {
          vendor,
        });
      }
      const fresh = keepUnseen(page.items, seen, idOf);
      const next = page.next === '' ? undefined : page.next;
      yield next === undefined ? { items: fresh } : { items: fresh, next };
      if (page.items.length === 0 || next === undefined) return;
      if (cursors.has(next)) {
        throw new OrgPortError(
          'invalid_response',
          `${operation}: the vendor returned a cursor it had already returned; stopping to avoid a loop`,
          { vendor },
        );
      }
      cursors.add(next);
      cursor = next;
    }
  }

  /**
   * Items one by one from the page walk. A hand-written iterator rather than a nested
   * async generator: items of a fetched page are handed out without a generator frame
   * each, which matters at hundreds of thousands of members.
   */
  function walkItems(): AsyncIterableIterator<T> {
    const pages = walkPages();
    let buffer: readonly T[] = [];
    let index = 0;
    const iterator: AsyncIterableIterator<T> = {
      async next(): Promise<IteratorResult<T>> {
        while (index >= buffer.length) {
          const page = await pages.next();
          if (page.done) return { done: true, value: undefined };
          buffer = page.value.items;
          index = 0;
        }
        // A long page (an unpaginated vendor) must stop as promptly as a paginated one.
        throwIfAborted(signal, vendor);
        return { done: false, value: buffer[index++] as T };
      },
      async return(): Promise<IteratorResult<T>> {
        // Closed means closed: no item of the current page after it.
        buffer = [];
        index = 0;
        await pages.return(undefined);
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  return {
    [Symbol.asyncIterator]: () => walkItems(),
    pages: () => walkPages(),
    async toArray(toArrayOptions: ToArrayOptions = {}): Promise<T[]> {
      const { limit } = toArrayOptions;
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
        throw new OrgPortError('invalid_argument', 'toArray: limit must be a non-negative integer');
      }
      const out: T[] = [];
      if (limit === 0) return out;
      for await (const item of walkItems()) {
        out.push(item);
        if (limit !== undefined && out.length >= limit) break;
      }
      return out;
    },
    async count(): Promise<number> {
      let total = 0;
      for await (const page of walkPages()) total += page.items.length;
      return total;
    },
  };
}
