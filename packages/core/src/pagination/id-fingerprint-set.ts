import { fingerprintLow, stringFingerprint } from '../mapping/string-fingerprint.js';

/** Fill of a fingerprint table before it grows. */
const MAX_LOAD = 0.75;

/** Tables this large (slots) are frozen when full instead of copied into a larger one. */
const FREEZE_FROM = 65_536;

/**
 * A set of ids with a flat memory profile for long streams: every id is kept as a 64-bit
 * fingerprint in open-addressed typed arrays, about 16 bytes an id (a million ids in about
 * 16 MiB, where a `Set<string>` holds ~100 MiB and keeps every id string alive). Two
 * different ids share a fingerprint with probability about n²/2⁶⁵ (3·10⁻⁸ for a million
 * ids), which is the price of flat memory when de-duplicating long streams.
 *
 * A small table grows by copying into one twice its size. A large one is frozen instead,
 * and a table twice its size takes the new ids (a check looks in each, newest first):
 * growth then allocates only the new table and leaves no old one to the garbage collector
 * (growing by copying held 31 MiB of typed arrays for 16 MiB of live fingerprints at a
 * million ids, until a collection came).
 *
 * (Measured and rejected: keeping the first ids exactly in a native `Set`. Alone it is
 * faster, but it keeps every id string alive, and in a real page walk the collector's
 * copying of those strings cost more than the hashing saved.)
 */
export class IdFingerprintSet {
  /** Frozen tables, oldest first; each is [high, low] pairs, (x, 0) an empty slot. */
  private readonly frozen: Uint32Array[] = [];
  private slots: Uint32Array;
  private fill = 0;
  private limit: number;
  private used = 0;

  /** Creates an empty set sized for about `expected` ids (it grows as needed). */
  constructor(expected = 512) {
    let capacity = 16;
    while (capacity * MAX_LOAD < expected) capacity *= 2;
    this.slots = new Uint32Array(capacity * 2);
    this.limit = Math.floor(capacity * MAX_LOAD);
  }

  /** How many distinct fingerprints the set holds. */
  get size(): number {
    return this.used;
  }

  /** Adds the id; returns false when it (or its fingerprint) was already there. */
  add(id: string): boolean {
    const high = stringFingerprint(id);
    const low = fingerprintLow;
    for (let table = this.frozen.length - 1; table >= 0; table--)
      if (find(this.frozen[table] as Uint32Array, high, low) >= 0) return false;
    if (!this.insert(high, low)) return false;
    this.used++;
    if (++this.fill > this.limit) this.grow();
    return true;
  }

  /** Grows the current table: copied while small, frozen (and a new one started) once large. */
  private grow(): void {
    const old = this.slots;
    const capacity = old.length; // twice the old table's slots (each slot is a pair)
    this.slots = new Uint32Array(capacity * 2);
    this.limit = Math.floor(capacity * MAX_LOAD);
    if (old.length / 2 >= FREEZE_FROM) {
      this.frozen.push(old);
      this.fill = 0;
      return;
    }
    for (let at = 0; at < old.length; at += 2) {
      const low = old[at + 1] as number;
      if (low !== 0) this.insert(old[at] as number, low);
    }
  }

  /** Puts the fingerprint in the current table; false when it is there already. */
  private insert(high: number, low: number): boolean {
    const found = find(this.slots, high, low);
    if (found >= 0) return false;
    const at = ~found * 2;
    this.slots[at] = high;
    this.slots[at + 1] = low;
    return true;
  }
}

/**
 * Linear probing for a fingerprint in a table of [high, low] pairs: its slot when there,
 * else `~slot` of the empty slot where it belongs.
 */
function find(slots: Uint32Array, high: number, low: number): number {
  const mask = slots.length / 2 - 1;
  let slot = (high ^ low) & mask;
  for (;;) {
    const at = slot * 2;
    const storedLow = slots[at + 1];
    if (storedLow === 0) return ~slot;
    if (storedLow === low && slots[at] === high) return slot;
    slot = (slot + 1) & mask;
  }
}
