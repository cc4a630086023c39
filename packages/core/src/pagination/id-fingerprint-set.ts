/** Ids kept exactly (as strings) before the set switches to fingerprints. */
const EXACT_IDS = 32_768;

/** Fill of a fingerprint table before it is frozen and a table twice its size is started. */
const MAX_LOAD = 0.75;

/**
 * A set of ids with a flat memory profile for long streams. The first 32,768 ids are kept
 * exactly, in a native `Set` (the fastest check there is, and a list of typical size is
 * de-duplicated without any chance of a false match). Past that, every id is kept as a
 * 64-bit fingerprint in open-addressed typed arrays, about 16 bytes an id (a million ids
 * in about 16 MiB, where a `Set<string>` holds ~100 MiB). Two different ids then share a
 * fingerprint with probability about n²/2⁶⁵ (3·10⁻⁸ for a million ids), which is the price
 * of flat memory when de-duplicating long streams.
 *
 * A full table is never copied into a larger one: it is frozen, and a table twice its size
 * takes the new ids (a check looks in each, newest first). Growth so allocates only the
 * new table, and no old table is left for the garbage collector: growing by copying held
 * the old tables' memory until a collection came (measured: 31 MiB of typed arrays for
 * 16 MiB of live fingerprints at a million ids).
 */
export class IdFingerprintSet {
  private exact: Set<string> | undefined = new Set();
  /** Frozen tables, oldest first; each is [high, low] pairs, (x, 0) an empty slot. */
  private readonly frozen: Uint32Array[] = [];
  private slots: Uint32Array = new Uint32Array(0);
  private mask = -1;
  private fill = 0;
  private limit = 0;
  private used = 0;

  /** How many distinct ids (or fingerprints) the set holds. */
  get size(): number {
    return this.exact ? this.exact.size : this.used;
  }

  /** Adds the id; returns false when it (or its fingerprint) was already there. */
  add(id: string): boolean {
    const exact = this.exact;
    if (exact) {
      if (exact.has(id)) return false;
      exact.add(id);
      if (exact.size >= EXACT_IDS) this.toFingerprints(exact);
      return true;
    }
    return this.addFingerprint(id);
  }

  /** Moves every exact id into the first fingerprint table and lets the strings go. */
  private toFingerprints(exact: Set<string>): void {
    let capacity = 16;
    while (capacity < exact.size * 2) capacity *= 2;
    this.startTable(capacity);
    this.exact = undefined;
    for (const id of exact) this.addFingerprint(id);
  }

  private startTable(capacity: number): void {
    this.slots = new Uint32Array(capacity * 2);
    this.mask = capacity - 1;
    this.fill = 0;
    this.limit = Math.floor(capacity * MAX_LOAD);
  }

  private addFingerprint(id: string): boolean {
    // Two 32-bit multiply-xorshift lanes over the id, two UTF-16 units per step, each
    // finished with a murmur-style mix: together one 64-bit fingerprint.
    const length = id.length;
    let high = 0x811c9dc5 ^ length;
    let low = 0x01000193 ^ length;
    let index = 0;
    for (; index + 1 < length; index += 2) {
      const word = id.charCodeAt(index) | (id.charCodeAt(index + 1) << 16);
      high = Math.imul(high ^ word, 0x9e3779b1);
      high ^= high >>> 15;
      low = Math.imul(low ^ word, 0x85ebca77);
      low ^= low >>> 13;
    }
    if (index < length) {
      const word = id.charCodeAt(index);
      high = Math.imul(high ^ word, 0x9e3779b1);
      low = Math.imul(low ^ word, 0x85ebca77);
    }
    high = Math.imul(high ^ (high >>> 16), 0x7feb352d);
    high = (high ^ (high >>> 15)) >>> 0;
    low = Math.imul(low ^ (low >>> 16), 0x846ca68b);
    low = (low ^ (low >>> 16)) >>> 0 || 1; // (x, 0) marks an empty slot
    for (let table = this.frozen.length - 1; table >= 0; table--)
      if (contains(this.frozen[table] as Uint32Array, high, low)) return false;
    if (!this.insert(high, low)) return false;
    this.used++;
    if (++this.fill > this.limit) {
      this.frozen.push(this.slots);
      this.startTable((this.mask + 1) * 2);
    }
    return true;
  }

  /** Puts the fingerprint in the current table; false when it is there already. */
  private insert(high: number, low: number): boolean {
    const slots = this.slots;
    const mask = this.mask;
    let slot = (high ^ low) & mask;
    for (;;) {
      const at = slot * 2;
      const storedLow = slots[at + 1];
      if (storedLow === 0) {
        slots[at] = high;
        slots[at + 1] = low;
        return true;
      }
      if (storedLow === low && slots[at] === high) return false;
      slot = (slot + 1) & mask;
    }
  }
}

/** Whether a frozen table holds the fingerprint (linear probing up to an empty slot). */
function contains(slots: Uint32Array, high: number, low: number): boolean {
  const mask = slots.length / 2 - 1;
  let slot = (high ^ low) & mask;
  for (;;) {
    const at = slot * 2;
    const storedLow = slots[at + 1];
    if (storedLow === 0) return false;
    if (storedLow === low && slots[at] === high) return true;
    slot = (slot + 1) & mask;
  }
}
