import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringIndex } from '../src/mapping/string-index.js';

describe('StringIndex', () => {
  it('numbers strings in first-added order and finds them again, as a Map would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a', 'b', 'ab', 'ba', '')), {
          maxLength: 400,
        }),
        fc.nat({ max: 64 }),
        (keys, expected) => {
          const index = new StringIndex(expected);
          const oracle = new Map<string, number>();
          for (const key of keys) {
            expect(index.indexOf(key)).toBe(oracle.get(key));
            if (!oracle.has(key)) oracle.set(key, oracle.size);
            expect(index.add(key)).toBe(oracle.get(key));
          }
          expect(index.size).toBe(oracle.size);
          for (const [key, number] of oracle) expect(index.indexOf(key)).toBe(number);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps 50,000 ids apart through its growth', () => {
    const index = new StringIndex();
    for (let n = 0; n < 50_000; n++) expect(index.add(`auth0|${n.toString(16).padStart(24, '0')}`)).toBe(n);
    for (let n = 0; n < 50_000; n += 97)
      expect(index.indexOf(`auth0|${n.toString(16).padStart(24, '0')}`)).toBe(n);
    expect(index.indexOf('auth0|missing')).toBeUndefined();
  });
});
