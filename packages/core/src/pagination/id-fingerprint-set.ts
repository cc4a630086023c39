/** Ids kept exactly (as strings) before the set switches to fingerprints. */
const EXACT_IDS = 32_768;

/**
 * A set of ids with a flat memory profile for long streams. The first 32,768 ids are kept
 * exactly, in a native `Set` (the fastest check there is, and a list of typical size is
 * de-duplicated without any chance of a false match). Past that, every id is kept as a
 * 64-bit fingerprint in one typed array, so that remembering a million ids costs about
 * 16 MiB instead of the ~100 MiB a `Set<string>` would. Two different ids then share a
 * fingerprint with probability about n²/2⁶⁵ (3·10⁻⁸ for a million ids), which is the
 * price of flat memory when de-duplicating long streams.
 */
export class IdFingerprintSet {
  private exact: Set<string> | undefined = new Set();
  private slots: Uint32Array = new Uint32Array(0);
  private mask = -1;
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

  /** Moves every exact id into the fingerprint table and lets the strings go. */
  private toFingerprints(exact: Set<string>): void {
    let capacity = 16;
    while (capacity < exact.size * 4) capacity *= 2;
    this.slots = new Uint32Array(capacity * 2);
    this.mask = capacity - 1;
    this.exact = undefined;
    for (const id of exact) this.addFingerprint(id);
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
    if (!this.insert(high, low)) return false;
    this.used++;
    if (this.used * 2 > this.mask + 1) this.grow();
    return true;
  }

  private insert(high: number, low: number): boolean {
    let slot = (high ^ low) & this.mask;
    for (;;) {
      const at = slot * 2;
      const storedLow = this.slots[at + 1];
      if (storedLow === 0) {
        this.slots[at] = high;
        this.slots[at + 1] = low;
        return true;
      }
      if (storedLow === low && this.slots[at] === high) return false;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = old.length - 1;
    for (let at = 0; at < old.length; at += 2) {
      const low = old[at + 1] as number;
      if (low !== 0) this.insert(old[at] as number, low);
    }
  }
}
