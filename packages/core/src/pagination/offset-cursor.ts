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
};
