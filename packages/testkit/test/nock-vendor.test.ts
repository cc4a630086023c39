import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OrgPortError } from '@orgport/core';
import { createHttpClient, path } from '@orgport/core/driver';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type NockVendor, nockVendor } from '../src/nock/index.js';

let vendor: NockVendor | undefined;
afterEach(() => vendor?.cleanup());

describe('nockVendor', () => {
  it('intercepts undici requests from the core transport with exact expectations', async () => {
    vendor = nockVendor('https://tenant.example.com')
      .expect({ method: 'GET', path: '/api/v2/organizations/org_1', reply: { id: 'org_1', name: 'acme' } })
      .expect({
        method: 'POST',
        path: '/api/v2/organizations/org_1/members',
        body: { members: ['auth0|1'] },
        status: 204,
      });
    const client = createHttpClient({ vendor: 'nock', baseUrl: 'https://tenant.example.com/api/v2' });
    const org = await client.request({
      method: 'GET',
      path: path`/organizations/${'org_1'}`,
      schema: z.object({ id: z.string() }),
    });
    expect(org.data.id).toBe('org_1');
    await client.request({
      method: 'POST',
      path: '/organizations/org_1/members',
      json: { members: ['auth0|1'] },
    });
    vendor.assertDone();
    await client.close();
  });

  it('reports expected requests that were never made', () => {
    vendor = nockVendor('https://tenant.example.com').expect({
      method: 'DELETE',
      path: '/api/v2/organizations/org_9',
      status: 204,
    });
    expect(() => vendor?.assertDone()).toThrow(
      /Expected requests not made: DELETE https:\/\/tenant.example.com:443\/api\/v2\/organizations\/org_9/,
    );
  });

  // Without nock the same request fails as `unavailable` too (no such host), so the code
  // alone proves nothing: nock must have seen the request and refused it with its own
  // NetConnectNotAllowedError (code ENETUNREACH; a failed lookup would be ENOTFOUND or
  // EAI_AGAIN), and loopback must still go through.
  it('blocks any connection that is neither expected nor loopback, and lets loopback through', async () => {
    vendor = nockVendor('https://tenant.example.com');
    const seen: string[] = [];
    // nock 15 tells of every request no interceptor matched, as a fetch Request.
    const onNoMatch = (request: { url: string }) => {
      seen.push(new URL(request.url).hostname);
    };
    nock.emitter.on('no match', onNoMatch);
    const local = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
    );
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    const elsewhere = createHttpClient({
      vendor: 'nock',
      baseUrl: 'https://elsewhere.example.org',
      retry: { maxRetries: 0 },
    });
    const loopback = createHttpClient({
      vendor: 'nock',
      baseUrl: `http://127.0.0.1:${(local.address() as AddressInfo).port}`,
      retry: { maxRetries: 0 },
    });
    try {
      const error = await elsewhere.request({ method: 'GET', path: '/x' }).catch((e: unknown) => e);
      expect(OrgPortError.is(error, 'unavailable')).toBe(true);
      expect((error as Error).message).toMatch(/ENETUNREACH/);
      expect(seen).toContain('elsewhere.example.org');
      expect((await loopback.request({ method: 'GET', path: '/ok' })).status).toBe(200);
    } finally {
      nock.emitter.removeListener('no match', onNoMatch);
      await elsewhere.close();
      await loopback.close();
      await new Promise((resolve) => local.close(resolve));
    }
  });
});
