import { describe, expect, it } from 'vitest';
import {
  type Adapter,
  createDirectory,
  defineCapabilities,
  MemberSchema,
  OrgPortError,
} from '../src/index.js';

// rolesPerMember 'one' (a single-role vendor such as WorkOS by default): the facade refuses
// a second organization role before the adapter runs; a member may carry a status.
describe("rolesPerMember: 'one'", () => {
  const singleRole = () => {
    const calls: string[] = [];
    const adapter = {
      name: 'single',
      capabilities: defineCapabilities({
        'permissions.set': true,
        grantScopes: 'organization',
        rolesPerMember: 'one',
      }),
      permissions: { set: async () => void calls.push('set') },
    } as unknown as Adapter;
    return { directory: createDirectory(adapter), calls };
  };
  const role = (groupId: string) => ({ scope: { type: 'organization' as const }, groupId });

  it('refuses two organization roles with invalid_argument before any request', async () => {
    const { directory, calls } = singleRole();
    const error = await directory.permissions.set('org_1', 'u1', [role('r1'), role('r2')]).catch((e) => e);
    expect(OrgPortError.is(error, 'invalid_argument')).toBe(true);
    expect(error.message).toMatch(/holds one organization role per member/);
    expect(calls).toEqual([]);
  });

  it('passes one role, or none, to the adapter', async () => {
    const { directory, calls } = singleRole();
    await directory.permissions.set('org_1', 'u1', [role('r1')]);
    await directory.permissions.set('org_1', 'u1', []);
    expect(calls).toEqual(['set', 'set']);
  });
});

describe('member status', () => {
  const member = { user: { id: 'u1' }, organizationId: 'o1', kinds: ['member'], roles: [], grants: [] };
  it('is optional and one of active, inactive, pending', () => {
    expect(MemberSchema.safeParse(member).success).toBe(true);
    expect(MemberSchema.safeParse({ ...member, status: 'inactive' }).success).toBe(true);
    expect(MemberSchema.safeParse({ ...member, status: 'suspended' }).success).toBe(false);
  });
});

describe("invitationGrants: 'at-most-one'", () => {
  it('lets an invitation carry no grant or one, and refuses two before any request', async () => {
    const calls: string[] = [];
    const adapter = {
      name: 'optional-role',
      capabilities: defineCapabilities({
        'invitations.create': true,
        grantScopes: 'organization',
        invitationGrants: 'at-most-one',
      }),
      invitations: {
        create: async () => {
          calls.push('create');
          return { id: 'i', organizationId: 'o1', email: 'a@b.co', grants: [] };
        },
      },
    } as unknown as Adapter;
    const directory = createDirectory(adapter);
    const role = (groupId: string) => ({ scope: { type: 'organization' as const }, groupId });
    await directory.invitations.create('o1', { email: 'a@b.co' });
    await directory.invitations.create('o1', { email: 'a@b.co', grants: [role('r1')] });
    const error = await directory.invitations
      .create('o1', { email: 'a@b.co', grants: [role('r1'), role('r2')] })
      .catch((e) => e);
    expect(OrgPortError.is(error, 'invalid_argument')).toBe(true);
    expect(calls).toEqual(['create', 'create']);
  });
});
