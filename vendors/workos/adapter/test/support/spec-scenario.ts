import { createDirectory } from '@orgport/core';
import type { WorkOSApiClient } from '@orgport/simulator-workos';
import { createWorkOSAdapter } from '../../src/index.js';

/**
 * One pass through every call the adapter makes, against `url` (a recording proxy in front
 * of the emulator or the simulator), with users and a role seeded behind its back. Returns
 * what it saw, so a run that silently did nothing fails.
 */
export async function runSpecScenario(options: {
  url: string;
  apiKey: string;
  seeder: WorkOSApiClient;
  prefix: string;
  multipleRoles?: boolean;
}) {
  const { seeder, prefix } = options;
  const role = `${prefix}editor`;
  await seeder.request('POST', '/authorization/roles', { slug: role, name: 'Editor' });
  const ada = await seeder.json<{ id: string }>('POST', '/user_management/users', {
    email: `${prefix}ada@example.com`,
    first_name: 'Ada',
    last_name: 'Lovelace',
  });
  const bob = await seeder.json<{ id: string }>('POST', '/user_management/users', {
    email: `${prefix}bob@example.com`,
  });
  const directory = createDirectory(
    createWorkOSAdapter({
      apiKey: options.apiKey,
      baseUrl: options.url,
      multipleRoles: options.multipleRoles,
    }),
  );
  try {
    const org = await directory.organizations.create({ name: `${prefix}acme`, displayName: 'Acme' });
    await directory.organizations.get(org.id);
    await directory.organizations.getByName(`${prefix}acme`);
    await directory.organizations.update(org.id, { displayName: 'Acme Inc.' });
    const organizations = await directory.organizations.list().toArray();
    const found = await directory.users.findByEmail(`${prefix}ada@example.com`);
    await directory.members.add(org.id, [ada.id, bob.id]);
    await directory.permissions.groups({ type: 'organization' }).toArray();
    await directory.permissions.set(org.id, ada.id, [{ scope: { type: 'organization' }, groupId: role }]);
    const grants = await directory.permissions.grants(org.id, ada.id);
    await directory.admins.grant(org.id, bob.id);
    const admins = await directory.admins.list(org.id).toArray();
    await directory.admins.revoke(org.id, bob.id);
    const members = await directory.members.list(org.id, { pageSize: 1 }).toArray();
    const of = await directory.members.organizationsOf(ada.id).toArray();
    const invitation = await directory.invitations.create(org.id, {
      email: `${prefix}cy@example.com`,
      grants: [{ scope: { type: 'organization' }, groupId: role }],
    });
    const invitations = await directory.invitations.list(org.id).toArray();
    await directory.invitations.get(org.id, invitation.id);
    await directory.invitations.delete(org.id, invitation.id);
    await directory.permissions.revoke(org.id, ada.id, [{ scope: { type: 'organization' }, groupId: role }]);
    await directory.members.remove(org.id, [bob.id]);
    await directory.organizations.delete(org.id);
    return {
      organizations: organizations.filter((o) => o.id === org.id).length,
      found: found?.id === ada.id,
      grants: grants.map((g) => g.group.id),
      admins: admins.map((m) => m.user.id),
      members: members.map((m) => m.user.email).sort(),
      organizationsOf: of.map((o) => o.id),
      orgId: org.id,
      invitations: invitations.map((i) => i.id),
      invitationId: invitation.id,
      ada: ada.id,
      bob: bob.id,
    };
  } finally {
    await directory.close();
  }
}
