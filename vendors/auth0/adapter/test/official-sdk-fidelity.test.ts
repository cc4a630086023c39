import { type Auth0Simulator, startAuth0Simulator } from '@orgport/simulator-auth0';
import { ManagementClient } from 'auth0';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The official auth0 v7 SDK, unchanged, pointed at the simulator. Its URLs are fixed to
// https://{domain}; a fetch shim only swaps that origin for the simulator's loopback one.
const DOMAIN = 'tenant.simulator.test';

let sim: Auth0Simulator;
let client: ManagementClient;

beforeAll(async () => {
  sim = await startAuth0Simulator({ seed: 21, fixtures: { seed: 21, organizations: 3, membersPerOrg: 120 } });
  const shim: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return fetch(url.replace(`https://${DOMAIN}`, sim.url), init);
  };
  client = new ManagementClient({
    domain: DOMAIN,
    token: () => sim.issueToken(),
    fetch: shim,
    telemetry: false,
  });
});
afterAll(async () => {
  await sim.close();
});

describe('official auth0 v7 ManagementClient against the simulator', () => {
  it('pages organizations with its own iterator (checkpoint), seeing every one once', async () => {
    const names: string[] = [];
    for await (const org of await client.organizations.list({ take: 2 })) names.push(org.name ?? '');
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(3);
  });

  it('creates, reads, renames and deletes an organization', async () => {
    const created = await client.organizations.create({ name: 'sdk-made', display_name: 'SDK Made' });
    expect(created.id).toMatch(/^org_[A-Za-z0-9]{16}$/);
    expect((await client.organizations.get(created.id as string)).display_name).toBe('SDK Made');
    expect((await client.organizations.getByName('sdk-made')).id).toBe(created.id);
    const updated = await client.organizations.update(created.id as string, { display_name: 'Renamed' });
    expect(updated.display_name).toBe('Renamed');
    await client.organizations.delete(created.id as string);
    await expect(client.organizations.get(created.id as string)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('lists all members through checkpoint pages that end with an empty page', async () => {
    const org = [...sim.store.organizations.values()][0];
    const ids: string[] = [];
    for await (const member of await client.organizations.members.list(org?.id as string, { take: 50 }))
      ids.push(member.user_id ?? '');
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
  });

  it('adds and removes members, and assigns, lists and removes member roles', async () => {
    const org = [...sim.store.organizations.values()][1];
    const orgId = org?.id as string;
    const user = sim.store.addUser({ email: 'sdk-user@example.com' });
    await client.organizations.members.create(orgId, { members: [user.user_id] });
    const role = sim.store.addRole('sdk-role');
    await client.organizations.members.roles.assign(orgId, user.user_id, { roles: [role.id] });
    const roles: string[] = [];
    for await (const r of await client.organizations.members.roles.list(orgId, user.user_id))
      roles.push(r.name ?? '');
    expect(roles).toEqual(['sdk-role']);
    await client.organizations.members.roles.delete(orgId, user.user_id, { roles: [role.id] });
    await client.organizations.members.delete(orgId, { members: [user.user_id] });
    expect(sim.store.isMember(orgId, user.user_id)).toBe(false);
  });

  it('creates, lists, gets and deletes invitations', async () => {
    const orgId = [...sim.store.organizations.keys()][2] as string;
    const invitation = await client.organizations.invitations.create(orgId, {
      inviter: { name: 'SDK' },
      invitee: { email: 'invitee@example.com' },
      client_id: sim.clientId,
    });
    expect(invitation.id).toMatch(/^uinv_/);
    const listed: string[] = [];
    for await (const i of await client.organizations.invitations.list(orgId)) listed.push(i.id ?? '');
    expect(listed).toContain(invitation.id);
    expect((await client.organizations.invitations.get(orgId, invitation.id as string)).invitee?.email).toBe(
      'invitee@example.com',
    );
    await client.organizations.invitations.delete(orgId, invitation.id as string);
    await expect(client.organizations.invitations.get(orgId, invitation.id as string)).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it('enables, reads, updates, lists and disables connections', async () => {
    const orgId = [...sim.store.organizations.keys()][0] as string;
    const social = [...sim.store.connections.values()].find((c) => c.strategy === 'google-oauth2');
    const enabled = await client.organizations.enabledConnections.add(orgId, {
      connection_id: social?.id as string,
    });
    expect(enabled.connection?.strategy).toBe('google-oauth2');
    const updated = await client.organizations.enabledConnections.update(orgId, social?.id as string, {
      show_as_button: false,
    });
    expect(updated.show_as_button).toBe(false);
    const ids: string[] = [];
    for await (const c of await client.organizations.enabledConnections.list(orgId))
      ids.push(c.connection_id ?? '');
    expect(ids).toContain(social?.id);
    await client.organizations.enabledConnections.delete(orgId, social?.id as string);
    await expect(
      client.organizations.enabledConnections.get(orgId, social?.id as string),
    ).rejects.toMatchObject({ statusCode: 404 });
  });

  it('surfaces the simulator errors as the SDK typed errors', async () => {
    await expect(client.organizations.create({ name: 'Not Valid!' })).rejects.toMatchObject({
      statusCode: 400,
    });
    const taken = [...sim.store.organizations.values()][0]?.name as string;
    await expect(client.organizations.create({ name: taken })).rejects.toMatchObject({ statusCode: 409 });
    const narrow = new ManagementClient({
      domain: DOMAIN,
      token: () => sim.issueToken({ scopes: ['read:organizations'] }),
      fetch: (input, init) =>
        fetch(
          String(input instanceof Request ? input.url : input).replace(`https://${DOMAIN}`, sim.url),
          init,
        ),
    });
    await expect(
      narrow.organizations.delete([...sim.store.organizations.keys()][0] as string),
    ).rejects.toMatchObject({ statusCode: 403 });
  });
});
