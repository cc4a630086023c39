import { createClerkClient } from '@clerk/backend';
import { createDirectory, type Directory } from '@orgport/core';
import { createVirtualClock } from '@orgport/core/driver';
import { type ClerkSimulator, startClerkSimulator } from '@orgport/simulator-clerk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClerkAdapter } from '../src/index.js';
import { type ClerkEmulator, startClerkEmulator } from './support/clerk-emulator.js';
import { type ContentTypeProxy, startContentTypeProxy } from './support/content-type-proxy.js';

type Sdk = ReturnType<typeof createClerkClient>;

interface Server {
  /** The SDK, reaching the server with `createClerkClient({ secretKey, apiUrl })`. */
  sdk: Sdk;
  /** orgport on the adapter, reaching the same server directly. */
  directory: Directory;
  /** Whether the server keeps roles (the emulator has no /organization_roles). */
  roles: boolean;
}

/**
 * Scenarios driven by the official Backend SDK (`@clerk/backend` 3.25.0), both ways: what
 * the SDK writes the adapter reads, and what the adapter writes the SDK reads. On our
 * simulator, and on the community emulator, where the SDK goes through a content-type
 * proxy (see support/content-type-proxy.ts) and the adapter does not.
 */
function scenarios(label: string, server: () => Server) {
  describe(label, () => {
    it('what the SDK writes, the adapter reads: organization, members with their one role, invitations', async () => {
      const { sdk, directory, roles } = server();
      const custom = roles ? 'org:editor' : 'org:support';
      const org = await sdk.organizations.createOrganization({
        name: 'Sdk Made',
        slug: `sdk-made-${label.length}`,
      });
      const ada = await sdk.users.createUser({
        emailAddress: [`ada-${label.length}@example.com`],
        firstName: 'Ada',
        lastName: 'Lovelace',
      });
      const bob = await sdk.users.createUser({ emailAddress: [`bob-${label.length}@example.com`] });
      await sdk.organizations.createOrganizationMembership({
        organizationId: org.id,
        userId: ada.id,
        role: 'org:admin',
      });
      await sdk.organizations.createOrganizationMembership({
        organizationId: org.id,
        userId: bob.id,
        role: custom,
      });
      await sdk.organizations.createOrganizationInvitation({
        organizationId: org.id,
        emailAddress: `cy-${label.length}@example.com`,
        role: custom,
      });

      expect(await directory.organizations.getByName(`sdk-made-${label.length}`)).toMatchObject({
        id: org.id,
        displayName: 'Sdk Made',
      });
      const members = await directory.members.list(org.id).toArray();
      const byUser = new Map(members.map((member) => [member.user.id, member]));
      expect(byUser.get(ada.id)).toMatchObject({
        kinds: ['member', 'admin'],
        grants: [],
        user: { name: 'Ada Lovelace' },
      });
      expect(byUser.get(bob.id)?.grants.map((grant) => grant.group.id)).toEqual([custom]);
      expect((await directory.admins.list(org.id).toArray()).map((m) => m.user.id)).toEqual([ada.id]);
      const [invitation] = await directory.invitations.list(org.id).toArray();
      expect(invitation).toMatchObject({
        email: `cy-${label.length}@example.com`,
        grants: [{ group: { id: custom } }],
      });
      if (roles)
        expect((await directory.members.organizationsOf(bob.id).toArray()).map((o) => o.id)).toEqual([
          org.id,
        ]);
    });

    it('what the adapter writes, the SDK reads: organization, membership, admin, role, invitation, revocation', async () => {
      const { sdk, directory, roles } = server();
      const role = roles ? 'org:editor' : 'org:support';
      const user = await sdk.users.createUser({ emailAddress: [`dee-${label.length}@example.com`] });
      const org = await directory.organizations.create({
        name: `orgport-made-${label.length}`,
        displayName: 'Orgport Made',
        metadata: { source: 'auth0' },
      });
      await directory.members.add(org.id, [user.id]);
      const read = await sdk.organizations.getOrganization({ organizationId: org.id });
      expect(read).toMatchObject({
        name: 'Orgport Made',
        slug: `orgport-made-${label.length}`,
        privateMetadata: { source: 'auth0' },
      });

      const roleOf = async () =>
        (await sdk.organizations.getOrganizationMembershipList({ organizationId: org.id })).data.find(
          (membership) => membership.publicUserData?.userId === user.id,
        )?.role;
      expect(await roleOf()).toBe('org:member');
      if (roles) {
        await directory.permissions.set(org.id, user.id, [
          { scope: { type: 'organization' }, groupId: role },
        ]);
        expect(await roleOf()).toBe(role);
      }
      await directory.admins.grant(org.id, user.id);
      expect(await roleOf()).toBe('org:admin');
      await directory.admins.revoke(org.id, user.id);
      expect(await roleOf()).toBe('org:member');

      const invitation = await directory.invitations.create(org.id, {
        email: `eve-${label.length}@example.com`,
        grants: [{ scope: { type: 'organization' }, groupId: role }],
      });
      const listed = await sdk.organizations.getOrganizationInvitationList({ organizationId: org.id });
      expect(listed.data.map((i) => [i.id, i.emailAddress, i.role, i.status])).toEqual([
        [invitation.id, `eve-${label.length}@example.com`, role, 'pending'],
      ]);
      await directory.invitations.delete(org.id, invitation.id);
      expect(
        (
          await sdk.organizations.getOrganizationInvitation({
            organizationId: org.id,
            invitationId: invitation.id,
          })
        ).status,
      ).toBe('revoked');
      await directory.members.remove(org.id, [user.id]);
      expect(
        (await sdk.organizations.getOrganizationMembershipList({ organizationId: org.id })).totalCount,
      ).toBe(0);
    });
  });
}

let simulator: ClerkSimulator;
let emulator: ClerkEmulator;
let proxy: ContentTypeProxy;
const onSimulator = {} as Server;
const onEmulator = {} as Server;

beforeAll(async () => {
  simulator = await startClerkSimulator({ clock: createVirtualClock() });
  simulator.store.addRole('org:editor', 'Editor');
  Object.assign(onSimulator, {
    sdk: createClerkClient({ secretKey: simulator.secretKey, apiUrl: simulator.url }),
    directory: createDirectory(createClerkAdapter({ secretKey: simulator.secretKey, apiUrl: simulator.url })),
    roles: true,
  });
  emulator = await startClerkEmulator();
  proxy = await startContentTypeProxy(emulator.url);
  Object.assign(onEmulator, {
    sdk: createClerkClient({ secretKey: emulator.secretKey, apiUrl: proxy.url }),
    directory: createDirectory(createClerkAdapter({ secretKey: emulator.secretKey, apiUrl: emulator.url })),
    roles: false,
  });
});
afterAll(async () => {
  await Promise.all([simulator.close(), proxy.close(), emulator.close()]);
});

scenarios('official SDK on our simulator', () => onSimulator);
scenarios('official SDK on the community emulator', () => onEmulator);

describe('why the SDK needs the proxy on the emulator', () => {
  it('without it, the SDK hands back the emulator JSON as raw text', async () => {
    const sdk = createClerkClient({ secretKey: emulator.secretKey, apiUrl: emulator.url });
    const org: unknown = await sdk.organizations.createOrganization({ name: 'Raw', slug: 'raw-text' });
    expect(typeof org).toBe('string');
    expect(JSON.parse(org as string)).toMatchObject({ object: 'organization', slug: 'raw-text' });
  });
});
