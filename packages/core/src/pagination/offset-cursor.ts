/**
 * Helpers for adapters whose vendor pages by number: the page number travels inside the
 * opaque cursor, so the one paginator serves offset lists too.
 */
export const offsetCursor = {
  /** The cursor for page `page` (0-based). */
  encode(page: number): string {
    return `page:${page}`;
  },
  /** The page number in `cursor`; 0 when the cursor is absent. Throws on a foreign cursor. */
  decode(cursor: string | undefined): number {
    if (cursor === undefined) return 0;
    const match = /^page:(\d+)$/.exec(cursor);
    if (!match) throw new RangeError(`not an offset cursor: ${cursor}`);
    return Number(match[1]);
  },
  /**
   * The cursor for the page after `page`, or undefined when `page` was the last: a short
   * page ends the walk, and so does reaching a trustworthy `total` (a `total` of 0 beside
   * items, as Auth0 sometimes sends, is ignored).
   */
  after(page: number, perPage: number, itemsReturned: number, total?: number): string | undefined {
    if (itemsReturned < perPage) return undefined;
    const seen = page * perPage + itemsReturned;
    if (total !== undefined && total > 0 && seen >= total) return undefined;
    return offsetCursor.encode(page + 1);
  },
};
