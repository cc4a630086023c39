import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OrgPortError } from '../src/errors/orgport-error.js';
import { createHttpClient, type HttpClient } from '../src/http/http-client.js';
import { chunk } from '../src/pagination/chunk.js';
import { fetchCursorPage } from '../src/pagination/cursor-page.js';
import { assertWithinOffsetCap } from '../src/pagination/offset-cap.js';
import { offsetCursor } from '../src/pagination/offset-cursor.js';
import { paginate } from '../src/pagination/paginate.js';
import type { Page } from '../src/ports/page.js';
import { json, startTestServer, type TestServer } from './support/test-server.js';

// The adapters' paging helpers, held to their contracts directly (mutation testing found
// them exercised only through the vendors' tests, or not at all).

describe('chunk', () => {
  it('splits into consecutive batches of at most size, keeping order and every item', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([1, 2, 3], 3)).toEqual([[1, 2, 3]]);
    expect(chunk([1], 1)).toEqual([[1]]);
    expect(chunk([], 4)).toEqual([]);
  });

  it('refuses a size that is not a positive integer', () => {
    for (const size of [0, -1, 1.5, Number.NaN])
      expect(() => chunk([1, 2], size)).toThrow('chunk size must be a positive integer');
  });
});

describe('assertWithinOffsetCap', () => {
  it('lets pages below the cap through and fails the first page that would reach it', () => {
    expect(() => assertWithinOffsetCap(9, 100, 1000, 'members.list', 'auth0')).not.toThrow();
    expect(() => assertWithinOffsetCap(0, 50, 51, 'members.list')).not.toThrow();
    let error: unknown;
    try {
      assertWithinOffsetCap(10, 100, 1000, 'members.list', 'auth0');
    } catch (caught) {
      error = caught;
    }
    expect(OrgPortError.is(error, 'failed_precondition')).toBe(true);
    expect((error as OrgPortError).message).toBe(
      'members.list: the vendor serves at most 1000 records by page number and there are more; narrow the query or use a cursor-paged call',
    );
    expect([(error as OrgPortError).vendor, (error as OrgPortError).meta]).toEqual(['auth0', { cap: 1000 }]);
    expect(() => assertWithinOffsetCap(3, 3, 10, 'x')).not.toThrow();
    expect(() => assertWithinOffsetCap(5, 2, 10, 'x')).toThrow(OrgPortError);
  });
});

describe('offsetCursor', () => {
  it('decodes only its own cursors, whole', () => {
    expect(offsetCursor.decode(undefined)).toBe(0);
    expect(offsetCursor.decode(offsetCursor.encode(12))).toBe(12);
    for (const foreign of ['page:3x', 'xpage:3', 'page:', 'cursor-abc', 'page:-1'])
      expect(() => offsetCursor.decode(foreign)).toThrow(`not an offset cursor: ${foreign}`);
  });

  it('points after a full page, and ends on a short page or at a trustworthy total', () => {
    expect(offsetCursor.after(0, 10, 10)).toBe('page:1');
    expect(offsetCursor.after(2, 10, 10, 100)).toBe('page:3');
    expect(offsetCursor.after(0, 10, 9)).toBeUndefined();
    // 30 seen of 30: the end, even though the page was full.
    expect(offsetCursor.after(2, 10, 10, 30)).toBeUndefined();
    expect(offsetCursor.after(2, 10, 10, 29)).toBeUndefined();
    expect(offsetCursor.after(1, 10, 10, 21)).toBe('page:2');
    // A total of 0 beside items (Auth0 sometimes) is ignored.
    expect(offsetCursor.after(0, 10, 10, 0)).toBe('page:1');
  });
});

describe('fetchCursorPage', () => {
  let server: TestServer | undefined;
  let http: HttpClient | undefined;
  afterEach(async () => {
    await http?.close();
    await server?.close();
  });

  const Body = z.object({ data: z.array(z.string()), after: z.string().nullable() });

  async function vendor(pages: ReadonlyMap<string, { data: string[]; after: string | null }>) {
    server = await startTestServer((req, res) => {
      const after = new URL(req.url ?? '/', 'http://x').searchParams.get('after') ?? '';
      json(res, 200, pages.get(after) ?? { data: [], after: null });
    });
    http = createHttpClient({ vendor: 'test', baseUrl: server.url });
    const client = http;
    return (cursor?: string) =>
      fetchCursorPage(
        {
          http: client,
          path: '/things',
          schema: Body,
          items: (body) => body.data,
          next: (body) => body.after,
        },
        { cursor },
      );
  }

  it('carries the next cursor, and none at the end or when the cursor does not move', async () => {
    const fetch = await vendor(
      new Map([
        ['', { data: ['a'], after: 'c1' }],
        ['c1', { data: ['b'], after: null }],
        ['c2', { data: ['c'], after: 'c2' }],
      ]),
    );
    expect(await fetch()).toStrictEqual({ items: ['a'], next: 'c1' });
    expect(await fetch('c1')).toStrictEqual({ items: ['b'] });
    expect(await fetch('c2')).toStrictEqual({ items: ['c'] });
  });

  it('follows an empty page that carries a cursor until items or the end', async () => {
    const fetch = await vendor(
      new Map([
        ['', { data: [], after: 'c1' }],
        ['c1', { data: ['a'], after: null }],
      ]),
    );
    expect(await fetch()).toStrictEqual({ items: ['a'] });
    expect(server?.requests).toHaveLength(2);
  });
});

describe('paginate: what the walk hands out', () => {
  interface Item {
    readonly id: string;
  }
  const list = (pages: readonly (Page<Item> | undefined)[], operation?: string) =>
    paginate<Item>({
      fetchPage: async (cursor) => pages[cursor === undefined ? 0 : Number(cursor)] as Page<Item>,
      idOf: (item) => item.id,
      vendor: 'test',
      ...(operation ? { operation } : {}),
    });

  it('fails with invalid_response, naming the operation, when the adapter returns no items array', async () => {
    for (const bad of [undefined, { next: '1' } as unknown as Page<Item>]) {
      const error = await list([bad], 'members.list')
        .toArray()
        .catch((e: unknown) => e);
      expect(OrgPortError.is(error, 'invalid_response')).toBe(true);
      expect((error as OrgPortError).message).toBe('members.list: the adapter returned no items array');
    }
  });

  it('names the operation ("list" by default) when a cursor repeats', async () => {
    const pages = [
      { items: [{ id: 'a' }], next: '1' },
      { items: [{ id: 'b' }], next: '1' },
    ];
    const error = (await list(pages)
      .toArray()
      .catch((e: unknown) => e)) as OrgPortError;
    expect([error.code, error.vendor, error.message]).toEqual([
      'invalid_response',
      'test',
      'list: the vendor returned a cursor it had already returned; stopping to avoid a loop',
    ]);
  });

  it('pages carry next only while there is one', async () => {
    const pages = [{ items: [{ id: 'a' }], next: '1' }, { items: [{ id: 'b' }] }];
    const seen: Page<Item>[] = [];
    for await (const page of list(pages).pages()) seen.push(page);
    expect(seen).toStrictEqual([{ items: [{ id: 'a' }], next: '1' }, { items: [{ id: 'b' }] }]);
  });

  it('ends an item walk cleanly when the caller stops early', async () => {
    let fetched = 0;
    const walk = paginate<Item>({
      fetchPage: async (cursor) => {
        fetched++;
        return { items: [{ id: `${cursor ?? 0}-a` }, { id: `${cursor ?? 0}-b` }], next: String(fetched) };
      },
      idOf: (item) => item.id,
    });
    const iterator = walk[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ id: '0-a' });
    expect(await iterator.return?.()).toStrictEqual({ done: true, value: undefined });
    expect(await iterator.next()).toStrictEqual({ done: true, value: undefined });
    expect(fetched).toBe(1);
  });

  it('toArray honours limit 0 without a fetch, stops at the limit, and explains a bad limit', async () => {
    let fetched = 0;
    const walk = paginate<Item>({
      fetchPage: async () => {
        fetched++;
        return { items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] };
      },
      idOf: (item) => item.id,
    });
    expect(await walk.toArray({ limit: 0 })).toEqual([]);
    expect(fetched).toBe(0);
    expect(await walk.toArray({ limit: 2 })).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(await walk.toArray({ limit: 3 })).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(await walk.toArray()).toHaveLength(3);
    await expect(walk.toArray({ limit: 1.5 })).rejects.toThrow(
      'toArray: limit must be a non-negative integer',
    );
  });
});
