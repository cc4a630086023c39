import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OrgPortError } from '../src/errors/orgport-error.js';
import { createHttpClient, type HttpClient } from '../src/http/http-client.js';
import { fetchCursorPage } from '../src/pagination/cursor-page.js';
import { mapConcurrent } from '../src/pagination/map-concurrent.js';
import { json, startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer | undefined;
let client: HttpClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
});

describe('mapConcurrent', () => {
  it('keeps the order of results and never exceeds the concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapConcurrent(
      [5, 1, 4, 2, 3, 0],
      async (n) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        return n * 10;
      },
      { concurrency: 2 },
    );
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
    expect(peak).toBe(2);
  });

  it('starts nothing more once its signal fires', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const run = mapConcurrent(
      [1, 2, 3, 4, 5],
      async (n) => {
        started.push(n);
        if (n === 1) controller.abort();
        await new Promise((resolve) => setImmediate(resolve));
        return n;
      },
      { concurrency: 1, signal: controller.signal },
    );
    await expect(run).rejects.toSatisfy((e) => OrgPortError.is(e, 'cancelled'));
    expect(started).toEqual([1]);
  });
});

describe('fetchCursorPage', () => {
  const Body = z.object({
    data: z.array(z.object({ id: z.string() })),
    list_metadata: z.object({ after: z.string().nullable() }),
  });
  // Pages: a, (empty with a cursor), b c, end.
  const pages = new Map<string, { data: { id: string }[]; after: string | null }>([
    ['', { data: [{ id: 'a' }], after: 'p2' }],
    ['p2', { data: [], after: 'p3' }],
    ['p3', { data: [{ id: 'b' }, { id: 'c' }], after: null }],
  ]);

  it('passes the cursor through, clamps the page size, and never returns an empty page with next', async () => {
    server = await startTestServer((req, res) => {
      const url = new URL(req.url, 'http://x');
      const page = pages.get(url.searchParams.get('after') ?? '') ?? { data: [], after: null };
      json(res, 200, { data: page.data, list_metadata: { after: page.after } });
    });
    client = createHttpClient({ vendor: 'test', baseUrl: server.url });
    const request = {
      http: client,
      path: '/users',
      schema: Body,
      items: (body: z.infer<typeof Body>) => body.data.map((u) => u.id),
      next: (body: z.infer<typeof Body>) => body.list_metadata.after,
      maxPageSize: 10,
    };
    const first = await fetchCursorPage(request, { pageSize: 500 });
    expect(first).toEqual({ items: ['a'], next: 'p2' });
    const second = await fetchCursorPage(request, { cursor: first.next });
    expect(second).toEqual({ items: ['b', 'c'] });
    expect(server.requests.map((r) => r.url)).toEqual([
      '/users?limit=10',
      '/users?limit=10&after=p2',
      '/users?limit=10&after=p3',
    ]);
  });
});
