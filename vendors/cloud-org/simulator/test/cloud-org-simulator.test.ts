import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type CloudOrgSimulator, PERMISSION_FLAGS, startCloudOrgSimulator } from '../src/index.js';

// The vendor's published response schemas (2026 spec copy, reference §3), written strictly:
// every required field with its type, and no field the spec does not name.
const uuid = z.uuid();
const Organization = z.object({ organizationId: uuid, name: z.string() }).strict();
const Product = z
  .object({
    organization: Organization,
    productId: uuid,
    name: z.string(),
    description: z.string().nullable(),
    order: z.number().int(),
    reasonRequired: z.boolean(),
    approveRequired: z.boolean(),
  })
  .strict();
const Admin = z
  .object({ userId: z.string(), fullName: z.string(), email: z.string(), twoFactorEnabled: z.boolean() })
  .strict();
const Member = Admin.extend({
  permissions: z.array(
    z
      .object({
        product: z.object({ productId: uuid, name: z.string() }).strict(),
        permissionGroup: z.object({ permissionGroupId: z.number().int(), name: z.string() }).strict(),
      })
      .strict(),
  ),
}).strict();
const OrganizationMembers = z
  .object({ admins: z.array(Admin), billingManagers: z.array(Admin), members: z.array(Member) })
  .strict();
const Access = z.enum(['full', 'readOnly', 'none']);
const Approval = z.enum(['cannotApprove', 'canApproveOthers', 'canBypassApproval']);
const PermissionGroup = z
  .object({
    permissionGroupId: z.number().int(),
    name: z.string(),
    ...Object.fromEntries(PERMISSION_FLAGS.map((flag) => [flag, z.boolean()])),
    accessType: z.enum(['readOnly', 'full', 'custom']),
    newEnvironmentAccessType: Access,
    environmentAccesses: z.array(
      z
        .object({
          environmentId: uuid,
          name: z.string(),
          color: z.string().nullable(),
          description: z.string().nullable(),
          order: z.number().int(),
          reasonRequired: z.boolean(),
          approveRequired: z.boolean(),
          environmentAccessType: Access,
        })
        .strict(),
    ),
    product: Product,
    approvalPermissionType: z.enum(['cannotApprove', 'canApproveOthers', 'canBypassApproval', 'custom']),
    newEnvironmentApprovalPermissionType: Approval,
    environmentApprovalPermissions: z.array(
      z.object({ environmentId: uuid, environmentApprovalPermissionType: Approval }).strict(),
    ),
  })
  .strict();
const ProductMember = z
  .object({
    userId: z.string().nullable(),
    productId: uuid,
    permissionGroupId: z.number().int(),
    fullName: z.string().nullable(),
    email: z.string().nullable(),
  })
  .strict();
const UserModel = z
  .object({
    userId: z.string().nullable(),
    fullName: z.string().nullable(),
    email: z.string().nullable(),
    twoFactorEnabled: z.boolean(),
  })
  .strict();
const OrgInvitation = z
  .object({
    invitationId: uuid,
    email: z.string().nullable(),
    productId: uuid,
    productName: z.string().nullable(),
    permissionGroupId: z.number().int(),
    createdAt: z.iso.datetime(),
    expired: z.boolean(),
    expires: z.iso.datetime(),
  })
  .strict();
const ProductInvitation = z
  .object({
    invitationId: uuid,
    email: z.string().nullable(),
    permissionGroupId: z.number().int(),
    createdAt: z.iso.datetime(),
    expired: z.boolean(),
  })
  .strict();
const Me = z.object({ email: z.string(), fullName: z.string() }).strict();

let sim: CloudOrgSimulator;
let auth: string;
beforeAll(async () => {
  sim = await startCloudOrgSimulator({
    seed: 4,
    fixtures: { seed: 4, organizations: 2, membersPerOrg: 20 },
    rateLimit: { capacity: 1000, refillPerSecond: 1000 },
  });
  auth = `Basic ${Buffer.from(`${sim.username}:${sim.password}`).toString('base64')}`;
});
afterAll(() => sim.close());

const call = async (method: string, path: string, body?: unknown, authorization = auth) => {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, text, json };
};

describe('cloud-org simulator: responses match the published schema field for field', () => {
  it('GET /v1/organizations, /v1/me, /v1/products', async () => {
    expect(z.array(Organization).parse((await call('GET', '/v1/organizations')).json)).toHaveLength(2);
    Me.parse((await call('GET', '/v1/me')).json);
    expect(z.array(Product).parse((await call('GET', '/v1/products')).json)).toHaveLength(6);
  });

  it('GET /v2/organizations/{id}/members, deprecated v1 members and product members', async () => {
    const [org] = z.array(Organization).parse((await call('GET', '/v1/organizations')).json);
    const members = OrganizationMembers.parse(
      (await call('GET', `/v2/organizations/${org?.organizationId}/members`)).json,
    );
    expect(members.admins.length).toBeGreaterThan(0);
    expect(members.members.some((m) => m.permissions.length > 0)).toBe(true);
    z.array(UserModel).parse((await call('GET', `/v1/organizations/${org?.organizationId}/members`)).json);
    const [product] = z.array(Product).parse((await call('GET', '/v1/products')).json);
    z.array(ProductMember).parse((await call('GET', `/v1/products/${product?.productId}/members`)).json);
  });

  it('permission groups: list, create (201, unset flags false), get, partial PUT, delete (204)', async () => {
    const [product] = z.array(Product).parse((await call('GET', '/v1/products')).json);
    const groups = z
      .array(PermissionGroup)
      .parse((await call('GET', `/v1/products/${product?.productId}/permissions`)).json);
    expect(groups.map((g) => g.name).sort()).toEqual(['Developers', 'Release managers', 'Viewers']);
    const created = await call('POST', `/v1/products/${product?.productId}/permissions`, {
      name: 'Auditors',
      canViewProductAuditLog: true,
    });
    expect(created.status).toBe(201);
    const group = PermissionGroup.parse(created.json) as Record<string, unknown>;
    expect(group.canViewProductAuditLog).toBe(true);
    expect(group.canManageMembers).toBe(false);
    const updated = PermissionGroup.parse(
      (await call('PUT', `/v1/permissions/${group.permissionGroupId}`, { canManageMembers: true })).json,
    ) as Record<string, unknown>;
    expect([updated.name, updated.canManageMembers, updated.canViewProductAuditLog]).toEqual([
      'Auditors',
      true,
      true,
    ]);
    const deleted = await call('DELETE', `/v1/permissions/${group.permissionGroupId}`);
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    expect((await call('GET', `/v1/permissions/${group.permissionGroupId}`)).status).toBe(404);
  });

  it('update member permissions answers 200 with an empty body and keeps one group per product', async () => {
    const [org] = z.array(Organization).parse((await call('GET', '/v1/organizations')).json);
    const members = OrganizationMembers.parse(
      (await call('GET', `/v2/organizations/${org?.organizationId}/members`)).json,
    );
    const target = members.members[3];
    const [product] = z
      .array(Product)
      .parse((await call('GET', '/v1/products')).json)
      .filter((p) => p.organization.organizationId === org?.organizationId);
    const groups = z
      .array(PermissionGroup)
      .parse((await call('GET', `/v1/products/${product?.productId}/permissions`)).json);
    const [one, two] = groups.map((g) => g.permissionGroupId);
    const result = await call('POST', `/v1/organizations/${org?.organizationId}/members/${target?.userId}`, {
      permissionGroupIds: [one],
    });
    expect([result.status, result.text]).toEqual([200, '']);
    await call('POST', `/v1/organizations/${org?.organizationId}/members/${target?.userId}`, {
      permissionGroupIds: [two],
    });
    const after = OrganizationMembers.parse(
      (await call('GET', `/v2/organizations/${org?.organizationId}/members`)).json,
    );
    const held = after.members
      .find((m) => m.userId === target?.userId)
      ?.permissions.filter((p) => p.product.productId === product?.productId);
    expect(held?.map((p) => p.permissionGroup.permissionGroupId)).toEqual([two]);
    const both = await call('POST', `/v1/organizations/${org?.organizationId}/members/${target?.userId}`, {
      permissionGroupIds: [one, two],
    });
    expect(both.status).toBe(400);
    expect(both.json).toEqual({ permissionGroupIds: ['Only one permission group can be set per product.'] });
  });

  it('invitations: invite answers 200 empty, lists in both shapes with 14-day expiry, delete answers 204', async () => {
    const [product] = z.array(Product).parse((await call('GET', '/v1/products')).json);
    const [group] = z
      .array(PermissionGroup)
      .parse((await call('GET', `/v1/products/${product?.productId}/permissions`)).json);
    const invited = await call('POST', `/v1/products/${product?.productId}/members/invite`, {
      emails: ['a@example.com', 'b@example.com'],
      permissionGroupId: group?.permissionGroupId,
    });
    expect([invited.status, invited.text]).toEqual([200, '']);
    const org = z
      .array(OrgInvitation)
      .parse(
        (await call('GET', `/v1/organizations/${product?.organization.organizationId}/invitations`)).json,
      );
    expect(org).toHaveLength(2);
    expect(Date.parse(org[0]?.expires ?? '') - Date.parse(org[0]?.createdAt ?? '')).toBe(14 * 86_400_000);
    z.array(ProductInvitation).parse(
      (await call('GET', `/v1/products/${product?.productId}/invitations`)).json,
    );
    expect((await call('DELETE', `/v1/invitations/${org[0]?.invitationId}`)).status).toBe(204);
    expect(
      (await call('POST', `/v1/products/${product?.productId}/members/invite`, { emails: ['x@example.com'] }))
        .status,
    ).toBe(400);
  });

  it('products: create 201 with the organization embedded; the POST-only organization path 404s on GET', async () => {
    const [org] = z.array(Organization).parse((await call('GET', '/v1/organizations')).json);
    const created = await call('POST', `/v1/organizations/${org?.organizationId}/products`, { name: 'Edge' });
    expect(created.status).toBe(201);
    expect(Product.parse(created.json).organization).toEqual(org);
    expect(
      (await call('POST', `/v1/organizations/${org?.organizationId}/products`, { name: '' })).status,
    ).toBe(400);
    expect((await call('GET', `/v1/organizations/${org?.organizationId}/products`)).status).toBe(404);
    expect((await call('GET', '/v1/me/organizations')).status).toBe(404);
  });
});

describe('cloud-org simulator: auth, visibility and rate limits', () => {
  it('answers 401 without or with wrong Basic credentials', async () => {
    expect((await call('GET', '/v1/organizations', undefined, '')).status).toBe(401);
    expect(
      (
        await call(
          'GET',
          '/v1/organizations',
          undefined,
          `Basic ${Buffer.from(`${sim.username}:wrong`).toString('base64')}`,
        )
      ).status,
    ).toBe(401);
  });

  it('answers 403 for an organization the credential is not in, and shows non-admins only what they manage', async () => {
    const outsider = sim.store.addUser({ email: 'outsider@example.com' });
    const creds = sim.addCredential(outsider.userId);
    const basic = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
    const [org] = [...sim.store.organizations.values()];
    expect(
      (await call('GET', `/v2/organizations/${org?.organizationId}/members`, undefined, basic)).status,
    ).toBe(403);
    sim.store.membership(org?.organizationId as string, outsider.userId);
    const seen = OrganizationMembers.parse(
      (await call('GET', `/v2/organizations/${org?.organizationId}/members`, undefined, basic)).json,
    );
    expect(seen.members).toEqual([]);
    expect(seen.admins.length).toBeGreaterThan(0);
  });

  it('sends X-Rate-Limit headers and 429 with an integer Retry-After when the budget runs out', async () => {
    const limited = await startCloudOrgSimulator({ rateLimit: { capacity: 2, refillPerSecond: 0.5 } });
    const basic = `Basic ${Buffer.from(`${limited.username}:${limited.password}`).toString('base64')}`;
    const get = () => fetch(`${limited.url}/v1/organizations`, { headers: { authorization: basic } });
    const first = await get();
    expect(first.headers.get('x-rate-limit-remaining')).toBe('1');
    expect(Number.isNaN(Date.parse(first.headers.get('x-rate-limit-reset') ?? ''))).toBe(false);
    await get();
    const third = await get();
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    await limited.close();
  });

  it('keys the budget per route and method by default, or per credential when configured (unconfirmed)', async () => {
    for (const [scope, secondRouteStatus] of [
      ['route', 200],
      ['credential', 429],
    ] as const) {
      const limited = await startCloudOrgSimulator({
        rateLimit: { capacity: 1, refillPerSecond: 0.01 },
        quirks: { rateLimitScope: scope },
      });
      const basic = `Basic ${Buffer.from(`${limited.username}:${limited.password}`).toString('base64')}`;
      const get = (path: string) => fetch(`${limited.url}${path}`, { headers: { authorization: basic } });
      expect((await get('/v1/organizations')).status).toBe(200);
      expect((await get('/v1/organizations')).status).toBe(429);
      expect((await get('/v1/products')).status).toBe(secondRouteStatus);
      await limited.close();
    }
  });
});
