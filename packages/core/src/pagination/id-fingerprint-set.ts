/**
 * A set of ids kept as 64-bit fingerprints in one typed array, so that remembering a
 * million ids costs about 16 MiB instead of the ~100 MiB a `Set<string>` would. Two
 * different ids share a fingerprint with probability about n²/2⁶⁵ (3·10⁻⁸ for a million
 * ids), which is the price of a flat memory profile when de-duplicating long streams.
 */
export class IdFingerprintSet {
  private slots: Uint32Array;
  private mask: number;
  private used = 0;

  /** Creates an empty set sized for `expected` ids (it grows as needed). */
  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Uint32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  /** How many distinct fingerprints the set holds. */
  get size(): number {
    return this.used;
  }

  /** Adds the id; returns false when it (or its fingerprint) was already there. */
  add(id: string): boolean {
    let high = 0x811c9dc5;
    let low = 0x01000193 ^ id.length;
    for (let index = 0; index < id.length; index++) {
      const code = id.charCodeAt(index);
      high = Math.imul(high ^ code, 0x01000193);
      low = Math.imul(low ^ code, 0x5bd1e995);
      low ^= low >>> 15;
    }
    high = (high ^ (high >>> 16)) >>> 0;
    low = (low ^ (low >>> 13)) >>> 0 || 1; // (x, 0) marks an empty slot
    if (this.insert(high, low)) {
      this.used++;
      if (this.used * 2 > this.mask + 1) this.grow();
      return true;
    }
    return false;
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
