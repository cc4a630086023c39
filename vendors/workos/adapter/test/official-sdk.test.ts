import { createDirectory } from '@orgport/core';
import { startWorkOSSimulator } from '@orgport/simulator-workos';
import { WorkOS } from '@workos-inc/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkOSAdapter } from '../src/index.js';
import { startOfficialEmulator } from './support/official-emulator.js';

// WorkOS's official SDK (@workos-inc/node 11.0.0) and the adapter on one server, both ways:
// what the SDK writes the adapter reads, what the adapter writes the SDK reads. On the
// official emulator and on our simulator. The SDK's list auto-pagination sleeps 350 ms a
// page, so lists are read one page at a time.
const servers = {
  'the official emulator': async () => {
    const emulator = await startOfficialEmulator(2);
    return { url: emulator.url, key: emulator.keys[0] as string, close: emulator.close };
  },
  'our simulator': async () => {
    const sim = await startWorkOSSimulator({ apiKeys: ['sk_test_sdk'], rateLimits: false });
    return { url: sim.url, key: 'sk_test_sdk', close: sim.close };
  },
};

for (const [label, start] of Object.entries(servers)) {
  describe(`the official SDK and the adapter on ${label}`, () => {
    let server: Awaited<ReturnType<(typeof servers)[keyof typeof servers]>>;
    let sdk: WorkOS;
    const adapter = () => createDirectory(createWorkOSAdapter({ apiKey: server.key, baseUrl: server.url }));
    beforeAll(async () => {
      server = await start();
      const { port } = new URL(server.url);
      sdk = new WorkOS(server.key, { apiHostname: '127.0.0.1', port: Number(port), https: false });
    });
    afterAll(() => server.close());

    it('reads what the SDK writes: organization, roles, admin, an inactive membership, an invitation', async () => {
      const org = await sdk.organizations.createOrganization({ name: 'SDK Acme', externalId: 'sdk-acme' });
      await sdk.authorization.createEnvironmentRole({ slug: 'sdk-editor', name: 'SDK Editor' });
      const [ada, bob, cy] = await Promise.all(
        ['ada', 'bob', 'cy'].map((name) =>
          sdk.userManagement.createUser({ email: `sdk-${name}@example.com`, firstName: name.toUpperCase() }),
        ),
      );
      if (!ada || !bob || !cy) throw new Error('users not created');
      await sdk.userManagement.createOrganizationMembership({
        organizationId: org.id,
        userId: ada.id,
        roleSlug: 'sdk-editor',
      });
      await sdk.userManagement.createOrganizationMembership({
        organizationId: org.id,
        userId: bob.id,
        roleSlug: 'admin',
      });
      const gone = await sdk.userManagement.createOrganizationMembership({
        organizationId: org.id,
        userId: cy.id,
      });
      await sdk.userManagement.deactivateOrganizationMembership(gone.id);
      const invitation = await sdk.userManagement.sendInvitation({
        email: 'sdk-dee@example.com',
        organizationId: org.id,
        roleSlug: 'sdk-editor',
      });

      const directory = adapter();
      const found = await directory.organizations.getByName('sdk-acme');
      expect([found.id, found.displayName]).toEqual([org.id, 'SDK Acme']);
      const members = new Map((await directory.members.list(org.id).toArray()).map((m) => [m.user.id, m]));
      expect(members.get(ada.id)?.grants.map((g) => g.group.id)).toEqual(['sdk-editor']);
      expect(members.get(ada.id)?.user).toMatchObject({ email: 'sdk-ada@example.com', name: 'ADA' });
      expect(members.get(bob.id)?.kinds).toEqual(['member', 'admin']);
      expect(members.get(cy.id)?.status).toBe('inactive');
      const groups = await directory.permissions.groups({ type: 'organization' }).toArray();
      expect(groups.find((g) => g.id === 'sdk-editor')?.name).toBe('SDK Editor');
      const invitations = await directory.invitations.list(org.id).toArray();
      expect(invitations.map((i) => [i.id, i.email, i.grants.map((g) => g.group.id)])).toEqual([
        [invitation.id, 'sdk-dee@example.com', ['sdk-editor']],
      ]);
      expect((await directory.users.findByEmail('sdk-bob@example.com'))?.id).toBe(bob.id);
      await directory.close();
    });

    it('writes what the SDK reads: organization, memberships with roles, admin, invitation, removal', async () => {
      await sdk.authorization.createEnvironmentRole({ slug: 'ad-viewer', name: 'Viewer' });
      const [eve, fay, gus] = await Promise.all(
        ['eve', 'fay', 'gus'].map((name) =>
          sdk.userManagement.createUser({ email: `ad-${name}@example.com` }),
        ),
      );
      if (!eve || !fay || !gus) throw new Error('users not created');
      const directory = adapter();
      const org = await directory.organizations.create({ name: 'ad-acme', displayName: 'Adapter Acme' });
      await directory.members.add(org.id, [eve.id, fay.id, gus.id]);
      await directory.permissions.set(org.id, eve.id, [
        { scope: { type: 'organization' }, groupId: 'ad-viewer' },
      ]);
      await directory.admins.grant(org.id, fay.id);
      await directory.members.remove(org.id, [gus.id]);
      await directory.invitations.create(org.id, {
        email: 'ad-hal@example.com',
        grants: [{ scope: { type: 'organization' }, groupId: 'ad-viewer' }],
      });
      await directory.close();

      const read = await sdk.organizations.getOrganizationByExternalId('ad-acme');
      expect([read.id, read.name]).toEqual([org.id, 'Adapter Acme']);
      const memberships = await sdk.userManagement.listOrganizationMemberships({
        organizationId: org.id,
        statuses: ['active', 'inactive', 'pending'],
        limit: 100,
      });
      const roleOf = new Map(memberships.data.map((m) => [m.userId, m.role.slug]));
      expect(roleOf).toEqual(
        new Map([
          [eve.id, 'ad-viewer'],
          [fay.id, 'admin'],
        ]),
      );
      const invitations = await sdk.userManagement.listInvitations({ organizationId: org.id, limit: 100 });
      expect(invitations.data.map((i) => [i.email, i.state, i.roleSlug])).toEqual([
        ['ad-hal@example.com', 'pending', 'ad-viewer'],
      ]);
    });
  });
}
