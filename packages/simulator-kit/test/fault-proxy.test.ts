import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVirtualClock } from '@orgport/core/driver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, type FaultProxyOptions, startFaultProxy } from '../src/index.js';

// A plain local server, unaware of the proxy: it lists two items, echoes what it is sent,
// and counts what reaches it.
let upstream: Server;
let upstreamUrl = '';
const reached: { method: string; url: string; body: string; host: string | undefined }[] = [];
beforeAll(async () => {
  upstream = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      reached.push({ method: req.method ?? '', url: req.url ?? '', body, host: req.headers.host });
      const answer =
        req.method === 'GET'
          ? {
              items: [
                { id: 'item-1', name: 'one' },
                { id: 'item-2', name: 'two' },
              ],
              next: 'page-2',
            }
          : { echoed: body === '' ? null : JSON.parse(body) };
      const text = JSON.stringify(answer);
      res.writeHead(req.method === 'POST' ? 201 : 200, {
        'content-type': 'application/json',
        'x-upstream': 'yes',
      });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

const proxies: FaultProxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
  reached.length = 0;
});
async function proxy(options: Omit<FaultProxyOptions, 'upstream'> = {}): Promise<FaultProxy> {
  const started = await startFaultProxy({ upstream: upstreamUrl, ...options });
  proxies.push(started);
  return started;
}

describe('startFaultProxy', () => {
  it('forwards method, path, query, body and headers unchanged when no fault is due', async () => {
    const { url, stats } = await proxy();
    const listed = await fetch(`${url}/v1/items?limit=2`);
    expect(listed.status).toBe(200);
    expect(listed.headers.get('x-upstream')).toBe('yes');
    expect(await listed.json()).toEqual({
      items: [
        { id: 'item-1', name: 'one' },
        { id: 'item-2', name: 'two' },
      ],
      next: 'page-2',
    });
    const created = await fetch(`${url}/v1/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'three' }),
    });
    expect([created.status, await created.json()]).toEqual([201, { echoed: { name: 'three' } }]);
    expect(reached.map((r) => [r.method, r.url, r.body])).toEqual([
      ['GET', '/v1/items?limit=2', ''],
      ['POST', '/v1/items', '{"name":"three"}'],
    ]);
    expect(reached[0]?.host).toBe(new URL(upstreamUrl).host);
    expect([stats.requests, stats.byRoute.get('GET /v1/items'), stats.byStatus.get(201)]).toEqual([2, 1, 1]);
  });

  it("answers an injected 429 itself, with Retry-After and the vendor's rate-limit header names", async () => {
    const clock = createVirtualClock(1_700_000_000_000);
    const { url, faults, stats } = await proxy({
      clock,
      rateLimit: {
        headers: { remaining: 'x-rate-limit-remaining', reset: 'x-rate-limit-reset' },
        retryAfterSeconds: 3,
        response: () => ({ status: 429, text: 'Too many requests.' }),
      },
    });
    faults.queue('rate_limit');
    const limited = await fetch(`${url}/v1/items`);
    expect(limited.status).toBe(429);
    expect(await limited.text()).toBe('Too many requests.');
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(limited.headers.get('x-rate-limit-reset')).toBe(String(1_700_000_003));
    expect(limited.headers.get('x-ratelimit-limit')).toBeNull();
    expect(reached).toHaveLength(0);
    expect((await fetch(`${url}/v1/items`)).status).toBe(200);
    expect([faults.injected.rate_limit, stats.log.map((entry) => entry.fault)]).toEqual([
      1,
      ['rate_limit', undefined],
    ]);
  });

  it('enforces a token bucket per credential on the virtual clock and reports it in every answer', async () => {
    const clock = createVirtualClock(1_700_000_000_000);
    const { url } = await proxy({ clock, rateLimit: { bucket: { capacity: 2, refillPerSecond: 1 } } });
    const as = (who: string) => fetch(`${url}/v1/items`, { headers: { authorization: `Bearer ${who}` } });
    const first = await as('a');
    expect([
      first.status,
      first.headers.get('x-ratelimit-limit'),
      first.headers.get('x-ratelimit-remaining'),
    ]).toEqual([200, '2', '1']);
    expect((await as('a')).status).toBe(200);
    const third = await as('a');
    expect([
      third.status,
      third.headers.get('retry-after'),
      third.headers.get('x-ratelimit-remaining'),
    ]).toEqual([429, '1', '0']);
    expect((await as('b')).status).toBe(200);
    clock.advance(1000);
    expect((await as('a')).status).toBe(200);
    expect(reached).toHaveLength(4);
  });

  it('answers injected 5xx with the vendor body, without reaching the upstream', async () => {
    const { url, faults } = await proxy({
      serverError: (status) => ({ status, text: `down ${status}` }),
    });
    faults.queue('server_error', 3);
    for (let n = 0; n < 3; n++) {
      const answer = await fetch(`${url}/v1/items`);
      expect([500, 502, 503]).toContain(answer.status);
      expect(await answer.text()).toBe(`down ${answer.status}`);
    }
    expect(reached).toHaveLength(0);
    expect(faults.injected.server_error).toBe(3);
  });

  it('resets the connection before the upstream sees the request, or half-way through its answer', async () => {
    const { url, faults, stats } = await proxy({ faults: { seed: 1, reset: 1 } });
    const outcomes: string[] = [];
    for (let n = 0; n < 8; n++) {
      const before = reached.length;
      const failure = await fetch(`${url}/v1/items`)
        .then((answer) => answer.text())
        .then(
          () => 'answered',
          () => 'failed',
        );
      outcomes.push(`${failure}:${reached.length > before ? 'reached' : 'not-reached'}`);
    }
    expect(new Set(outcomes)).toEqual(new Set(['failed:reached', 'failed:not-reached']));
    expect(faults.injected.reset).toBe(8);
    expect(stats.log.filter((entry) => entry.status === 0)).toHaveLength(
      outcomes.filter((o) => o.endsWith('not-reached')).length,
    );
  });

  it('truncates a body (status kept, JSON broken) and drops an id field', async () => {
    const { url, faults } = await proxy();
    faults.queue('malformed');
    const truncated = await fetch(`${url}/v1/items`);
    expect(truncated.status).toBe(200);
    const text = await truncated.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(text.length).toBeGreaterThan(0);
    faults.queue('missing_field');
    expect(await (await fetch(`${url}/v1/items`)).json()).toEqual({
      items: [{ name: 'one' }, { id: 'item-2', name: 'two' }],
      next: 'page-2',
    });
  });

  it('sends a slow body and adds latency on the clock, so a virtual clock waits no real time', async () => {
    const clock = createVirtualClock();
    const { url, faults } = await proxy({ clock, latencyMs: 40, faults: { latencyMs: 5000 } });
    faults.queue('latency');
    const slow = await fetch(`${url}/v1/items`);
    expect((await slow.json()) as unknown).toMatchObject({ next: 'page-2' });
    expect(clock.sleeps).toEqual([40, 5000]);
  });

  it('draws the same faults from the same seed, and others from another seed', async () => {
    const schedule = async (seed: number) => {
      const { url, stats } = await proxy({
        faults: { seed, rateLimit: 0.2, serverError: 0.2, malformed: 0.2 },
      });
      for (let n = 0; n < 30; n++) await fetch(`${url}/v1/items`).then((answer) => answer.arrayBuffer());
      return stats.log.map((entry) => `${entry.status}:${entry.fault ?? ''}`);
    };
    const first = await schedule(5);
    expect(await schedule(5)).toEqual(first);
    expect(await schedule(6)).not.toEqual(first);
    expect(new Set(first.map((entry) => entry.split(':')[1]))).toEqual(
      new Set(['', 'rate_limit', 'server_error', 'malformed']),
    );
  });

  it('leaves requests alone where faults do not apply (e.g. a token endpoint)', async () => {
    const { url, faults } = await proxy({
      faults: { serverError: 1 },
      faultsApply: (request) => request.path !== '/oauth/token',
    });
    expect((await fetch(`${url}/oauth/token`, { method: 'POST', body: '{}' })).status).toBe(201);
    expect((await fetch(`${url}/v1/items`)).status).toBeGreaterThanOrEqual(500);
    expect(faults.total).toBe(1);
  });

  it('answers 502 when the upstream is down, and refuses an upstream that is not http', async () => {
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    const started = await startFaultProxy({ upstream: deadUrl });
    proxies.push(started);
    expect((await fetch(`${started.url}/v1/items`)).status).toBe(502);
    await expect(startFaultProxy({ upstream: 'ftp://127.0.0.1:21' })).rejects.toThrow(/http: or https:/);
  });
});
