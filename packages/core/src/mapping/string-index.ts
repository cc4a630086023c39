import { stringFingerprint } from './string-fingerprint.js';

/**
 * Numbers strings in the order they are first added (0, 1, 2, …) and finds a string's
 * number again: a `Map<string, number>` whose table lives in a typed array outside the
 * JavaScript heap. For adapters that merge the users of a large document by id while
 * allocating as little as they can on the heap before the document is let go. Lookups
 * compare the strings themselves, so two ids are never confused.
 *
 * @example
 * ```ts
 * const ids = new StringIndex();
 * ids.add('u1'); // 0
 * ids.indexOf('u1'); // 0
 * ids.indexOf('u2'); // undefined
 * ```
 */
export class StringIndex {
  private readonly keys: string[] = [];
  /** Open-addressed table of key number + 1 (0 marks an empty slot). */
  private slots: Int32Array;
  private mask: number;

  /** Creates an index sized for about `expected` strings (it grows as needed). */
  constructor(expected = 16) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** How many strings the index holds. */
  get size(): number {
    return this.keys.length;
  }

  /** Calls `visit` with every string and its number, in number order. */
  forEach(visit: (key: string, number: number) => void): void {
    this.keys.forEach(visit);
  }

  /** The number of `key`, or undefined when it was never added. */
  indexOf(key: string): number | undefined {
    let slot = stringFingerprint(key) & this.mask;
    for (;;) {
      const stored = this.slots[slot] as number;
      if (stored === 0) return undefined;
      if (this.keys[stored - 1] === key) return stored - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The number of `key`, adding it (as the next number) when it is new. */
  add(key: string): number {
    const known = this.indexOf(key);
    if (known !== undefined) return known;
    const number = this.keys.push(key) - 1;
    if (this.keys.length * 2 > this.mask + 1) this.grow();
    else this.place(key, number);
    return number;
  }

  private place(key: string, number: number): void {
    let slot = stringFingerprint(key) & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = number + 1;
  }

  private grow(): void {
    this.slots = new Int32Array((this.mask + 1) * 2);
    this.mask = this.slots.length - 1;
    for (let number = 0; number < this.keys.length; number++) this.place(this.keys[number] as string, number);
  }
}
