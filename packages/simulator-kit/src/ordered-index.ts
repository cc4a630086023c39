/**
 * Keys in insertion order with stable positions, so that checkpoint cursors survive
 * insertions and removals: a cursor is the sequence number of the last key returned, and
 * the next page starts right after it, whatever happened in between.
 */
export class OrderedIndex {
  private entries: { seq: number; key: string }[] = [];
  private readonly seqOf = new Map<string, number>();
  private nextSeq = 1;

  /** Number of keys. */
  get size(): number {
    return this.seqOf.size;
  }

  /** True when the key is present. */
  has(key: string): boolean {
    return this.seqOf.has(key);
  }

  /** Appends the key (no-op when present). */
  add(key: string): void {
    if (this.seqOf.has(key)) return;
    const seq = this.nextSeq++;
    this.seqOf.set(key, seq);
    this.entries.push({ seq, key });
  }

  /** Removes the key (no-op when absent). */
  delete(key: string): void {
    const seq = this.seqOf.get(key);
    if (seq === undefined) return;
    this.seqOf.delete(key);
    const at = this.firstAfter(seq - 1);
    if (this.entries[at]?.seq === seq) this.entries.splice(at, 1);
  }

  /** Up to `limit` keys after the cursor, and the cursor after the last one returned. */
  page(cursor: number, limit: number): { keys: string[]; last: number } {
    const start = this.firstAfter(cursor);
    const slice = this.entries.slice(start, start + limit);
    return { keys: slice.map((entry) => entry.key), last: slice.at(-1)?.seq ?? cursor };
  }

  /** Whether any key exists after the cursor. */
  hasAfter(cursor: number): boolean {
    return this.firstAfter(cursor) < this.entries.length;
  }

  /** Every key, in order. */
  keys(): string[] {
    return this.entries.map((entry) => entry.key);
  }

  private firstAfter(seq: number): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.entries[mid]?.seq ?? 0) <= seq) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
