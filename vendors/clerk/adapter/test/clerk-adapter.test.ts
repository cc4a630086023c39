import { createDirectory, OrgPortError } from '@orgport/core';
import { createVirtualClock } from '@orgport/core/driver';
import { type ClerkSimulator, startClerkSimulator } from '@orgport/simulator-clerk';
import { afterEach, describe, expect, it } from 'vitest';
import { CLERK_CAPABILITIES, clerkOrganizationSlug, createClerkAdapter } from '../src/index.js';

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return OrgPortError.is(error) ? error.code : `not an OrgPortError: ${String(error)}`;
  }
};

let simulator: ClerkSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

const start = async (options: Parameters<typeof startClerkSimulator>[0] = {}) => {
  const clock = createVirtualClock();
  simulator = await startClerkSimulator({ clock, ...options });
  const adapter = createClerkAdapter({
    secretKey: simulator.secretKey,
    apiUrl: simulator.url,
    http: { retry: { baseDelayMs: 5, maxDelayMs: 50 }, clock },
  });
  return { sim: simulator, clock, adapter, directory: createDirectory(adapter) };
};

describe('createClerkAdapter', () => {
  it('refuses bad options with invalid_argument naming the option, and never shows the key', () => {
    const secret = 'sk_test_do-not-print-me';
    const attempts = [
      () => createClerkAdapter({ secretKey: '' }),
      () => createClerkAdapter({ secretKey: secret, apiUrl: 'http://127.0.0.1:1/v1' }),
      () => createClerkAdapter({ secretKey: secret, apiUrl: 'http://api.example.com' }),
      () => createClerkAdapter({ secretKey: secret, pageSize: 501 }),
      () => createClerkAdapter({ secretKey: secret, memberRole: 'org:admin' }),
    ];
    for (const attempt of attempts) {
      let caught: unknown;
      try {
        attempt();
      } catch (error) {
        caught = error;
      }
      expect(OrgPortError.is(caught, 'invalid_argument')).toBe(true);
      expect(String((caught as Error).message)).not.toContain(secret);
    }
  });

  it('declares one role per member, organization-scope roles, mapped admins and offset paging', () => {
    expect(CLERK_CAPABILITIES).toMatchObject({
      rolesPerMember: 'one',
      grantScopes: 'organization',
      memberKinds: 'mapped',
      grantsOfAdmins: 'implicit',
      invitationGrants: 'one',
      pagination: 'offset',
      'billingManagers.grant': false,
    });
  });

  it('makes a slug of any wanted organization name', () => {
    expect(clerkOrganizationSlug('Fundamental Architecture')).toBe('fundamental-architecture');
    expect(clerkOrganizationSlug('Crème  Brûlée_Co')).toBe('creme-brulee-co');
    expect(clerkOrganizationSlug('***')).toBe('organization');
  });
});

describe('the Clerk adapter on our simulator', () => {
  it('names the API version it speaks on every request', async () => {
    const { sim, directory } = await start();
    await directory.organizations.list().toArray();
    await directory.organizations.create({ name: 'acme', displayName: 'Acme Inc.' });
    expect([...sim.apiVersions.keys()]).toEqual(['2026-05-12']);
  });

  it('refuses an organization name that is not a slug before any request', async () => {
    const { sim, directory } = await start();
    const before = sim.stats.requests;
    expect(await codeOf(directory.organizations.create({ name: 'Acme Inc.' }))).toBe('invalid_argument');
    expect(sim.stats.requests).toBe(before);
  });

  it('pages 1,001 members by 500 with limit and offset, and stops at total_count without an empty page', async () => {
    const { sim, directory } = await start();
    const org = sim.store.addOrganization({ name: 'Big', slug: 'big' });
    for (let n = 0; n < 1000; n++)
      sim.store.addMembership(org.id, sim.store.addUser({ email: `m${n}@example.com` }).id, 'org:member');
    const pages = [];
    for await (const page of directory.members.list(org.id, { pageSize: 1000 }).pages())
      pages.push(page.items.length);
    expect(pages).toEqual([500, 500]);
    const memberCalls = sim.stats.log
      .filter((entry) => entry.route.endsWith('/memberships'))
      .map((entry) => entry.url);
    expect(memberCalls).toEqual([
      expect.stringContaining('limit=500&offset=0'),
      expect.stringContaining('limit=500&offset=500'),
    ]);
    sim.store.addMembership(org.id, sim.store.addUser({ email: 'last@example.com' }).id, 'org:member');
    expect(await directory.members.list(org.id, { pageSize: 500 }).count()).toBe(1001);
  });

  it('waits out a development instance limit (100 requests per 10 s) on the shared clock, losing nothing', async () => {
    const { sim, clock, directory } = await start({ rateLimit: 'development' });
    const org = sim.store.addOrganization({ name: 'Busy', slug: 'busy' });
    for (let n = 0; n < 150; n++) await directory.organizations.get(org.id);
    expect(sim.stats.byStatus.get(429)).toBeGreaterThan(0);
    expect(sim.stats.byStatus.get(200)).toBe(150);
    expect(clock.sleeps.some((ms) => ms >= 1000)).toBe(true);
  });

  it('maps one role per member: admins by org:admin, custom roles as grants, org:member as neither', async () => {
    const { sim, directory } = await start();
    const org = sim.store.addOrganization({ name: 'Roles', slug: 'roles' });
    sim.store.addRole('org:editor', 'Editor');
    const [ada, bob, cy] = ['ada', 'bob', 'cy'].map((name) =>
      sim.store.addUser({ email: `${name}@example.com`, firstName: name }),
    ) as [
      ReturnType<typeof sim.store.addUser>,
      ReturnType<typeof sim.store.addUser>,
      ReturnType<typeof sim.store.addUser>,
    ];
    sim.store.addMembership(org.id, ada.id, 'org:admin');
    sim.store.addMembership(org.id, bob.id, 'org:editor');
    sim.store.addMembership(org.id, cy.id, 'org:member');
    const members = await directory.members.list(org.id).toArray();
    expect(
      members.map((m) => [m.user.email, m.kinds, m.grants.map((g) => `${g.group.id}=${g.group.name}`)]),
    ).toEqual([
      ['ada@example.com', ['member', 'admin'], []],
      ['bob@example.com', ['member'], ['org:editor=Editor']],
      ['cy@example.com', ['member'], []],
    ]);
    // An admin's role is not changed by permissions.set: revoke admin first.
    expect(
      await codeOf(
        directory.permissions.set(org.id, ada.id, [
          { scope: { type: 'organization' }, groupId: 'org:editor' },
        ]),
      ),
    ).toBe('failed_precondition');
    await directory.admins.revoke(org.id, ada.id);
    await directory.permissions.set(org.id, ada.id, [
      { scope: { type: 'organization' }, groupId: 'org:editor' },
    ]);
    expect(sim.store.memberships.get(org.id)?.get(ada.id)?.role).toBe('org:editor');
    // Granting admin replaces the member's one role.
    await directory.admins.grant(org.id, bob.id);
    expect(sim.store.memberships.get(org.id)?.get(bob.id)?.role).toBe('org:admin');
    expect((await directory.permissions.groups().toArray()).map((g) => g.id)).toEqual(['org:editor']);
  });

  it('invites into exactly one role, with its lifetime in whole days', async () => {
    const { sim, directory } = await start();
    const org = sim.store.addOrganization({ name: 'Invites', slug: 'invites' });
    sim.store.addRole('org:viewer', 'Viewer');
    expect(await codeOf(directory.invitations.create(org.id, { email: 'new@example.com' }))).toBe(
      'invalid_argument',
    );
    const invitation = await directory.invitations.create(org.id, {
      email: 'new@example.com',
      grants: [{ scope: { type: 'organization' }, groupId: 'org:viewer' }],
      ttlSeconds: 86_401,
    });
    expect(invitation.grants.map((g) => g.group.name)).toEqual(['Viewer']);
    const stored = sim.store.invitations.get(invitation.id);
    expect(stored && (stored.expiresAt - stored.createdAt) / 86_400_000).toBe(2);
    await directory.invitations.delete(org.id, invitation.id);
    expect(sim.store.invitations.get(invitation.id)?.status).toBe('revoked');
    expect(await codeOf(directory.invitations.get(org.id, invitation.id))).toBe('not_found');
  });

  it('merges private metadata through /metadata and reads it back; a null removes a key', async () => {
    const { directory } = await start();
    const org = await directory.organizations.create({
      name: 'meta',
      metadata: { tier: 'gold', region: 'eu' },
    });
    const updated = await directory.organizations.update(org.id, { metadata: { region: null, plan: 'pro' } });
    expect(updated.metadata).toEqual({ tier: 'gold', plan: 'pro' });
  });
});
