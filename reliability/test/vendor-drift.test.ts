import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { createDirectory, type OrgPortError } from '@orgport/core';
import { type NockVendor, nockVendor } from '@orgport/testkit/nock';
import { afterEach, describe, expect, it } from 'vitest';

const ORIGIN = 'https://tenant.drift.example';
let vendor: NockVendor | undefined;
afterEach(() => vendor?.cleanup());

const auth0 = () =>
  createDirectory(
    createAuth0Adapter({
      baseUrl: ORIGIN,
      token: 'drift-test-token-value',
      http: { retry: { maxRetries: 0 } },
    }),
  );
const cloudOrg = () =>
  createDirectory(
    createCloudOrgAdapter({
      baseUrl: ORIGIN,
      username: 'user',
      password: 'drift-password',
      http: { retry: { maxRetries: 0 } },
    }),
  );
const members = (body: unknown) => ({
  method: 'GET' as const,
  path: '/api/v2/organizations/org_1/members',
  query: true as const,
  reply: body,
});
const failure = async (promise: Promise<unknown>) => (await promise.catch((e: unknown) => e)) as OrgPortError;

describe('vendor drift: wrong or missing fields fail naming the field, extra fields are tolerated', () => {
  it('auth0: a member whose user_id became a number', async () => {
    vendor = nockVendor(ORIGIN).expect(
      members({ members: [{ user_id: 'auth0|1', email: 'a@x.io' }, { user_id: 42 }], next: 'c1' }),
    );
    const error = await failure(auth0().members.list('org_1').toArray());
    expect(error.code).toBe('invalid_response');
    expect(error.message).toMatch(/members\[1\]\.user_id/);
  });

  it('auth0: an organization without its id', async () => {
    vendor = nockVendor(ORIGIN).expect({
      method: 'GET',
      path: '/api/v2/organizations/org_1',
      reply: { name: 'acme' },
    });
    const error = await failure(auth0().organizations.get('org_1'));
    expect([error.code, /\bid\b/.test(error.message)]).toEqual(['invalid_response', true]);
  });

  it('auth0: roles that became a string', async () => {
    vendor = nockVendor(ORIGIN).expect(members({ members: [{ user_id: 'auth0|1', roles: 'admin' }] }));
    expect((await failure(auth0().members.list('org_1').toArray())).message).toMatch(/members\[0\]\.roles/);
  });

  it('auth0: new fields anywhere are ignored', async () => {
    vendor = nockVendor(ORIGIN)
      .expect(
        members({
          members: [
            {
              user_id: 'auth0|1',
              email: 'a@x.io',
              is_new: true,
              roles: [{ id: 'r', name: 'viewer', extra: 1 }],
            },
          ],
          next: 'c1',
          surprise: { deep: [1] },
        }),
      )
      .expect({
        method: 'GET',
        path: '/api/v2/organizations/org_1/members',
        query: true,
        reply: { members: [] },
      });
    const [member] = await auth0().members.list('org_1').toArray();
    expect(member?.user).toEqual({ id: 'auth0|1', email: 'a@x.io' });
    expect(member?.roles).toEqual([{ id: 'r', name: 'viewer' }]);
  });

  it('cloud-org: admins that became a string, and a permission group without its id', async () => {
    vendor = nockVendor(ORIGIN).expect({
      method: 'GET',
      path: '/v2/organizations/o1/members',
      reply: { admins: 'nope', billingManagers: [], members: [] },
    });
    expect((await failure(cloudOrg().members.list('o1').toArray())).message).toMatch(/admins/);
    vendor.cleanup();
    vendor = nockVendor(ORIGIN).expect({
      method: 'GET',
      path: '/v2/organizations/o1/members',
      reply: {
        admins: [],
        billingManagers: [],
        members: [
          {
            userId: 'u1',
            fullName: 'A',
            email: 'a@x.io',
            twoFactorEnabled: false,
            permissions: [{ product: { productId: 'p1', name: 'Web' }, permissionGroup: { name: 'Devs' } }],
          },
        ],
      },
    });
    expect((await failure(cloudOrg().members.list('o1').toArray())).message).toMatch(
      /members\[0\]\.permissions\[0\]\.permissionGroup\.permissionGroupId/,
    );
  });

  it('cloud-org: null arrays and extra fields are tolerated', async () => {
    vendor = nockVendor(ORIGIN).expect({
      method: 'GET',
      path: '/v2/organizations/o1/members',
      reply: {
        admins: null,
        billingManagers: null,
        members: [{ userId: 'u1', email: 'a@x.io', permissions: null, brandNew: 1 }],
        extra: true,
      },
    });
    expect(await cloudOrg().members.list('o1').toArray()).toEqual([
      { user: { id: 'u1', email: 'a@x.io' }, organizationId: 'o1', kinds: ['member'], roles: [], grants: [] },
    ]);
  });
});
