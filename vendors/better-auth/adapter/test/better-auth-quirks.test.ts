import { createDirectory, OrgPortError } from '@orgport/core';
import { betterAuth } from 'better-auth';
import { memoryAdapter } from 'better-auth/adapters/memory';
import { getOrgAdapter } from 'better-auth/plugins/organization';
import { describe, expect, it } from 'vitest';
import { createBetterAuthAdapter } from '../src/index.js';
import { memoryApp, type TestApp } from './support/better-auth-app.js';

// Better Auth's own behaviour that the adapter works around, checked on the real package
// first (so a release that changes it shows here), then the adapter's answer to it.

async function world(options: Record<string, unknown> = {}) {
  const app = memoryApp(options);
  const context = await app.auth.$context;
  const user = async (email: string) =>
    (
      await context.internalAdapter.createUser(
        { email, name: email, emailVerified: true },
        { method: 'admin' },
      )
    ).id;
  const owner = await user('owner@example.com');
  // Created through the plugin's own call, as an app's sign-up flow would: the creator is its owner.
  const org = await app.auth.api.createOrganization({ body: { name: 'Acme', slug: 'acme', userId: owner } });
  const plugin = app.auth.options.plugins.find((candidate) => candidate.id === 'organization');
  const data = getOrgAdapter(context as never, plugin?.options as never);
  const directory = createDirectory(createBetterAuthAdapter({ auth: app.auth }));
  return { app, context, user, owner, org, data, directory };
}

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return OrgPortError.is(error)
      ? `${error.code}: ${error.message}`
      : `not an OrgPortError: ${String(error)}`;
  }
  return 'succeeded';
};
const roleOf = async (app: TestApp, organizationId: string, userId: string) =>
  (
    await (
      await app.auth.$context
    ).adapter.findOne<{ role: string }>({
      model: 'member',
      where: [
        { field: 'organizationId', value: organizationId },
        { field: 'userId', value: userId },
      ],
    })
  )?.role;

describe('Better Auth quirks, and what the adapter does about them', () => {
  it('addMember stores an unknown role as given; the adapter refuses one with not_found, naming it', async () => {
    const { app, user, org, directory } = await world();
    const ada = await user('ada@example.com');
    await app.auth.api.addMember({
      body: { userId: ada, organizationId: org.id, role: 'no-such-role' as never },
    });
    expect(await roleOf(app, org.id, ada)).toBe('no-such-role');
    expect(
      await codeOf(
        directory.permissions.set(org.id, ada, [{ scope: { type: 'organization' }, groupId: 'ghost' }]),
      ),
    ).toMatch(/^not_found: .*no role named ghost/);
    expect(await roleOf(app, org.id, ada)).toBe('no-such-role');
  });

  it('the sole owner can be neither removed nor demoted; with a second owner both work', async () => {
    const { app, user, owner, org, directory } = await world();
    expect(await codeOf(directory.members.remove(org.id, [owner]))).toMatch(
      /^failed_precondition: cannot remove the only owner/,
    );
    expect(await codeOf(directory.admins.revoke(org.id, owner))).toMatch(
      /^failed_precondition: cannot demote the only owner/,
    );
    const second = await user('second@example.com');
    await app.auth.api.addMember({ body: { userId: second, organizationId: org.id, role: 'owner' } });
    await directory.admins.revoke(org.id, owner);
    expect(await roleOf(app, org.id, owner)).toBe('member');
    await directory.members.remove(org.id, [owner]);
    expect(await roleOf(app, org.id, owner)).toBeUndefined();
  });

  it("the app's membershipLimit refuses members.add with failed_precondition naming the option", async () => {
    const { user, org, directory } = await world({ membershipLimit: 2 });
    await directory.members.add(org.id, [await user('one@example.com')]);
    const refused = await codeOf(directory.members.add(org.id, [await user('two@example.com')]));
    expect(refused).toMatch(/^failed_precondition: .*membershipLimit.*default is 100/);
  });

  it("the app's invitationLimit refuses invitations.create with failed_precondition naming the option", async () => {
    const { org, directory } = await world({ invitationLimit: 1 });
    await directory.invitations.create(org.id, { email: 'a@example.com' });
    expect(await codeOf(directory.invitations.create(org.id, { email: 'b@example.com' }))).toMatch(
      /^failed_precondition: .*invitationLimit \(1; Better Auth's default is 100\)/,
    );
  });

  it('the data layer returns metadata as a JSON string; organizations.get returns the record', async () => {
    const { data, directory } = await world();
    const created = await directory.organizations.create({
      name: 'globex',
      displayName: 'Globex',
      metadata: { tier: 'gold' },
    });
    expect(typeof (await data.findOrganizationById(created.id))?.metadata).toBe('string');
    expect(await directory.organizations.get(created.id)).toEqual({
      id: created.id,
      name: 'globex',
      displayName: 'Globex',
      metadata: { tier: 'gold' },
    });
  });

  it('createMember accepts a second row for the same user; members.add adds once', async () => {
    const { context, user, org, data, directory } = await world();
    const ada = await user('ada@example.com');
    await data.createMember({ organizationId: org.id, userId: ada, role: 'member' });
    await data.createMember({ organizationId: org.id, userId: ada, role: 'member' });
    const rows = () =>
      context.adapter.count({
        model: 'member',
        where: [
          { field: 'organizationId', value: org.id },
          { field: 'userId', value: ada },
        ],
      });
    expect(await rows()).toBe(2);
    const bob = await user('bob@example.com');
    await directory.members.add(org.id, [bob]);
    await directory.members.add(org.id, [bob]);
    expect(
      await context.adapter.count({
        model: 'member',
        where: [
          { field: 'organizationId', value: org.id },
          { field: 'userId', value: bob },
        ],
      }),
    ).toBe(1);
  });

  it('createInvitation without teamIds crashes; invitations.create passes them', async () => {
    const { owner, org, data, directory } = await world();
    await expect(
      data.createInvitation({
        invitation: { email: 'x@example.com', role: 'member', organizationId: org.id },
        user: { id: owner },
      } as never),
    ).rejects.toThrow();
    const invitation = await directory.invitations.create(org.id, { email: 'y@example.com' });
    expect(invitation.email).toBe('y@example.com');
  });

  it('an app without a billing manager role refuses billingManagers.grant before any write', async () => {
    const app = memoryApp();
    delete app.roles.billing_manager;
    const context = await app.auth.$context;
    const owner = (
      await context.internalAdapter.createUser({ email: 'o@example.com', name: 'o' }, { method: 'admin' })
    ).id;
    const org = await app.auth.api.createOrganization({
      body: { name: 'Acme', slug: 'acme', userId: owner },
    });
    const directory = createDirectory(createBetterAuthAdapter({ auth: app.auth }));
    await directory.organizations.get(org.id);
    const writes = app.probe.writes;
    expect(await codeOf(directory.billingManagers.grant(org.id, owner))).toMatch(
      /no billing manager role named billing_manager/,
    );
    expect(app.probe.writes).toBe(writes);
  });

  it("with dynamic access control, an organization's custom roles are groups it alone can grant", async () => {
    const { app, context, user, org, directory } = await world({ dynamicAccessControl: { enabled: true } });
    const other = await directory.organizations.create({ name: 'other' });
    await context.adapter.create({
      model: 'organizationRole',
      data: {
        organizationId: org.id,
        role: 'auditor',
        permission: JSON.stringify({ member: ['read'] }),
        createdAt: new Date(),
      },
    });
    const groups = await directory.permissions.groups({ type: 'organization' }).toArray();
    expect(groups.find((group) => group.id === 'auditor')?.description).toBe('custom role: member: read');
    const ada = await user('ada@example.com');
    await directory.members.add(org.id, [ada]);
    await directory.members.add(other.id, [ada]);
    await directory.permissions.set(org.id, ada, [{ scope: { type: 'organization' }, groupId: 'auditor' }]);
    expect(await roleOf(app, org.id, ada)).toBe('member,auditor');
    expect(
      await codeOf(
        directory.permissions.set(other.id, ada, [{ scope: { type: 'organization' }, groupId: 'auditor' }]),
      ),
    ).toMatch(/^not_found: .*no role named auditor/);
  });

  it('refuses an instance without the organization plugin, naming it', () => {
    const auth = betterAuth({
      database: memoryAdapter({ user: [], session: [], account: [], verification: [] }),
      secret: 'orgport-test-secret-0123456789-abcdefghij',
      telemetry: { enabled: false },
      logger: { disabled: true },
    });
    expect(() => createBetterAuthAdapter({ auth })).toThrow(/no organization plugin/);
  });
});
