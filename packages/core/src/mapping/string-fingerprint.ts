/** The low half of the last {@link stringFingerprint} (never 0). */
export let fingerprintLow = 1;

/**
 * A 64-bit fingerprint of a string: returns the high 32 bits and leaves the low 32 (never
 * 0) in {@link fingerprintLow}, so the hot paths that call it for every id allocate
 * nothing. Two 32-bit multiply-xorshift lanes over the string, two UTF-16 units per step,
 * each finished with a murmur-style mix. The high half alone is a good 32-bit hash.
 */
export function stringFingerprint(key: string): number {
  const length = key.length;
  let high = 0x811c9dc5 ^ length;
  let low = 0x01000193 ^ length;
  let index = 0;
  for (; index + 1 < length; index += 2) {
    const word = key.charCodeAt(index) | (key.charCodeAt(index + 1) << 16);
    high = Math.imul(high ^ word, 0x9e3779b1);
    high ^= high >>> 15;
    low = Math.imul(low ^ word, 0x85ebca77);
    low ^= low >>> 13;
  }
  if (index < length) {
    const word = key.charCodeAt(index);
    high = Math.imul(high ^ word, 0x9e3779b1);
    low = Math.imul(low ^ word, 0x85ebca77);
  }
  low = Math.imul(low ^ (low >>> 16), 0x846ca68b);
  fingerprintLow = (low ^ (low >>> 16)) >>> 0 || 1; // (x, 0) marks an empty slot in the tables that use it
  high = Math.imul(high ^ (high >>> 16), 0x7feb352d);
  return (high ^ (high >>> 15)) >>> 0;
}
