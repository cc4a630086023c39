import type { Page } from '../calls/page.js';

/** Options of {@link PagedList.toArray}. */
export interface ToArrayOptions {
  /** Stop after this many items (fetching no further pages). */
  readonly limit?: number | undefined;
}

/**
 * A lazily fetched, streaming list. Iterate it with `for await`; every iteration starts
 * a fresh walk from the first page. Items are de-duplicated by id within one walk.
 *
 * @example
 * ```ts
 * for await (const member of directory.members.list('org_1')) console.log(member.user.id);
 * const firstTen = await directory.members.list('org_1').toArray({ limit: 10 });
 * ```
 */
export interface PagedList<T> extends AsyncIterable<T> {
  /** The pages as fetched (after de-duplication), for callers that batch. */
  pages(): AsyncIterable<Page<T>>;
  /** Collects the items into an array, optionally stopping at `limit`. */
  toArray(options?: ToArrayOptions): Promise<T[]>;
  /** Counts the items by walking every page. */
  count(): Promise<number>;
}
