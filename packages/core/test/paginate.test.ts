import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Page } from '../src/calls/page.js';
import { OrgPortError } from '../src/errors/orgport-error.js';
import { IdFingerprintSet } from '../src/pagination/id-fingerprint-set.js';
import { offsetCursor } from '../src/pagination/offset-cursor.js';
import { paginate } from '../src/pagination/paginate.js';

interface Item {
  readonly id: string;
}

/** A fake vendor that serves the given pages by cursor and records what was asked. */
function pagesFrom(pages: readonly Page<Item>[]) {
  const asked: (string | undefined)[] = [];
  const fetchPage = async (cursor: string | undefined): Promise<Page<Item>> => {
    asked.push(cursor);
    const index = cursor === undefined ? 0 : Number(cursor);
    const page = pages[index];
    if (!page) throw new Error(`no page ${index}`);
    return page;
  };
  return { asked, list: paginate<Item>({ fetchPage, idOf: (item) => item.id }) };
}

const items = (...ids: string[]): Item[] => ids.map((id) => ({ id }));

describe('paginate', () => {
  it('walks checkpoint pages until a page has no next', async () => {
    const { list, asked } = pagesFrom([
      { items: items('a', 'b'), next: '1' },
      { items: items('c', 'd'), next: '2' },
      { items: items('e') },
    ]);
    expect((await list.toArray()).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(asked).toEqual([undefined, '1', '2']);
  });

  it('stops on an empty page even when it carries a next (Auth0 members)', async () => {
    const { list, asked } = pagesFrom([
      { items: items('a'), next: '1' },
      { items: [], next: '2' },
      { items: items('never') },
    ]);
    expect(await list.count()).toBe(1);
    expect(asked).toEqual([undefined, '1']);
  });

  it('treats an empty-string next as the end', async () => {
    const { list } = pagesFrom([{ items: items('a'), next: '' }, { items: items('b') }]);
    expect(await list.count()).toBe(1);
  });

  it('never yields an id twice, within or across pages', async () => {
    const { list } = pagesFrom([
      { items: items('a', 'b', 'a'), next: '1' },
      { items: items('b', 'c'), next: '2' },
      { items: items('c', 'd') },
    ]);
    expect((await list.toArray()).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps walking past a page whose items were all duplicates', async () => {
    const { list } = pagesFrom([
      { items: items('a'), next: '1' },
      { items: items('a'), next: '2' },
      { items: items('b') },
    ]);
    expect((await list.toArray()).map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('serves offset lists through page-number cursors', async () => {
    const all = items(...Array.from({ length: 7 }, (_, n) => `o${n}`));
    const list = paginate<Item>({
      idOf: (item) => item.id,
      fetchPage: async (cursor) => {
        const page = offsetCursor.decode(cursor);
        const slice = all.slice(page * 3, page * 3 + 3);
        return slice.length === 3 ? { items: slice, next: offsetCursor.encode(page + 1) } : { items: slice };
      },
    });
    expect(await list.count()).toBe(7);
    expect(() => offsetCursor.decode('bogus')).toThrow(RangeError);
  });

  it('serves unpaginated lists (one page, no next)', async () => {
    const { list, asked } = pagesFrom([{ items: items('x', 'y') }]);
    expect(await list.count()).toBe(2);
    expect(asked).toHaveLength(1);
  });

  it('fails with invalid_response when a cursor repeats instead of looping forever', async () => {
    const { list } = pagesFrom([
      { items: items('a'), next: '1' },
      { items: items('b'), next: '1' },
    ]);
    await expect(list.toArray()).rejects.toSatisfy((error) => OrgPortError.is(error, 'invalid_response'));
  });

  it('streams: fetches only the pages the consumer reaches', async () => {
    const { list, asked } = pagesFrom([
      { items: items('a', 'b'), next: '1' },
      { items: items('c'), next: '2' },
      { items: items('d') },
    ]);
    expect((await list.toArray({ limit: 2 })).map((i) => i.id)).toEqual(['a', 'b']);
    expect(asked).toEqual([undefined]);
    for await (const item of list) {
      expect(item.id).toBe('a');
      break;
    }
    expect(asked).toEqual([undefined, undefined]);
  });

  it('exposes de-duplicated pages', async () => {
    const { list } = pagesFrom([{ items: items('a', 'b'), next: '1' }, { items: items('b', 'c') }]);
    const pages: string[][] = [];
    for await (const page of list.pages()) pages.push(page.items.map((i) => i.id));
    expect(pages).toEqual([['a', 'b'], ['c']]);
  });

  it('restarts from the first page on every iteration', async () => {
    const { list, asked } = pagesFrom([{ items: items('a'), next: '1' }, { items: items('b') }]);
    expect(await list.count()).toBe(2);
    expect(await list.count()).toBe(2);
    expect(asked).toEqual([undefined, '1', undefined, '1']);
  });

  it('honours an abort between pages', async () => {
    const controller = new AbortController();
    let fetched = 0;
    const list = paginate<Item>({
      idOf: (item) => item.id,
      signal: controller.signal,
      fetchPage: async (cursor) => {
        fetched++;
        return { items: items(`i${cursor ?? 0}`), next: String(Number(cursor ?? 0) + 1) };
      },
    });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const item of list) {
          seen.push(item.id);
          if (seen.length === 3) controller.abort();
        }
      })(),
    ).rejects.toSatisfy((error) => OrgPortError.is(error, 'cancelled'));
    expect(seen).toHaveLength(3);
    expect(fetched).toBe(3);
  });

  it('rejects a bad toArray limit', async () => {
    const { list } = pagesFrom([{ items: [] }]);
    await expect(list.toArray({ limit: -1 })).rejects.toSatisfy((error) =>
      OrgPortError.is(error, 'invalid_argument'),
    );
    expect(await list.toArray({ limit: 0 })).toEqual([]);
  });
});

describe('IdFingerprintSet', () => {
  it('remembers 200,000 distinct ids exactly and rejects every repeat', () => {
    const set = new IdFingerprintSet();
    let added = 0;
    for (let n = 0; n < 200_000; n++) if (set.add(`auth0|${n.toString(16).padStart(24, '0')}`)) added++;
    expect(added).toBe(200_000);
    expect(set.size).toBe(200_000);
    let repeats = 0;
    for (let n = 0; n < 200_000; n += 7) if (!set.add(`auth0|${n.toString(16).padStart(24, '0')}`)) repeats++;
    expect(repeats).toBe(Math.ceil(200_000 / 7));
    expect(set.size).toBe(200_000);
  });

  it('tells apart ids that differ only in order or case, in a small set and past the frozen tables', () => {
    const tricky = ['ab', 'ba', 'AB', 'a', '', 'ä', 'a\u0308', 'abc', 'acb', 'x'.repeat(33)];
    const exact = new IdFingerprintSet();
    for (const id of tricky) expect(exact.add(id)).toBe(true);
    // Past 49,152 ids the first large table is frozen and later ids go to the next ones.
    const fingerprints = new IdFingerprintSet();
    for (let n = 0; n < 120_000; n++) fingerprints.add(`filler-${n}`);
    for (const id of tricky) expect(fingerprints.add(id)).toBe(true);
    for (const id of tricky) expect(fingerprints.add(id)).toBe(false);
  });

  it('answers like a native Set for generated ids with repeats, small and large', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 12, unit: 'binary' }), { maxLength: 300 }),
        fc.oneof(fc.nat({ max: 2_000 }), fc.integer({ min: 49_000, max: 120_000 })),
        (ids, filler) => {
          const set = new IdFingerprintSet();
          const oracle = new Set<string>();
          for (let n = 0; n < filler; n++) {
            set.add(`\u{10ffff}filler${n}`);
            oracle.add(`\u{10ffff}filler${n}`);
          }
          for (const id of ids) {
            expect(set.add(id)).toBe(!oracle.has(id));
            oracle.add(id);
          }
          expect(set.size).toBe(oracle.size);
        },
      ),
      { numRuns: 40 },
    );
  });
});
