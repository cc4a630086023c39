import { OrgPortError } from '@orgport/core';
import { createHttpClient, path } from '@orgport/core/driver';
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

  it('blocks any connection that is neither expected nor loopback', async () => {
    vendor = nockVendor('https://tenant.example.com');
    const client = createHttpClient({
      vendor: 'nock',
      baseUrl: 'https://elsewhere.example.org',
      retry: { maxRetries: 0 },
    });
    const error = await client.request({ method: 'GET', path: '/x' }).catch((e: unknown) => e);
    expect(OrgPortError.is(error, 'unavailable')).toBe(true);
    await client.close();
  });
});
