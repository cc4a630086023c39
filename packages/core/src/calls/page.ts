/**
 * One page of a list as an adapter returns it. `next` is an opaque cursor; when it is
 * absent (or the page is empty) the list has ended.
 */
export interface Page<T> {
  /** The items of this page, in the vendor's order. */
  readonly items: readonly T[];
  /** Opaque cursor for the following page; absent on the last page. */
  readonly next?: string | undefined;
}
