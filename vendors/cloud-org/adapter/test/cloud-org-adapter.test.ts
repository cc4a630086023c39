import { createDirectory, type Directory, type OrgPortError } from '@orgport/core';
import { createVirtualClock, type HttpEvent } from '@orgport/core/driver';
import { directoryModule, TOKENS, vendorModule } from '@orgport/inversify';
import { type CloudOrgSimulator, startCloudOrgSimulator } from '@orgport/simulator-cloud-org';
import { Container } from 'inversify';
import { afterEach, describe, expect, it } from 'vitest';
import { cloudOrgConnector, createCloudOrgAdapter } from '../src/index.js';

let sim: CloudOrgSimulator | undefined;
let directory: Directory | undefined;
afterEach(async () => {
  await directory?.close();
  await sim?.close();
  sim = undefined;
  directory = undefined;
});

const failure = async (promise: Promise<unknown>) =>
  (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as OrgPortError;

async function setup(
  options: Parameters<typeof startCloudOrgSimulator>[0] = {},
  events?: HttpEvent[],
  clock = createVirtualClock(),
) {
  // One virtual clock for both sides: pacing and Retry-After waits take no real time.
  sim = await startCloudOrgSimulator({
    clock,
    seed: 5,
    fixtures: { seed: 5, organizations: 2, membersPerOrg: 40 },
    ...options,
  });
  directory = createDirectory(
    createCloudOrgAdapter({
      baseUrl: sim.url,
      username: sim.username,
      password: sim.password,
      http: {
        retry: { baseDelayMs: 5, maxDelayMs: 40 },
        clock,
        ...(events ? { onEvent: (e) => events.push(e) } : {}),
      },
    }),
  );
  return { sim, directory };
}

describe('createCloudOrgAdapter', () => {
  it('names missing credentials and refuses plain http to a remote host', () => {
    expect(() => createCloudOrgAdapter({ username: '', password: 'x' })).toThrow(
      /options\.username: must not be empty/,
    );
    expect(() => createCloudOrgAdapter({ username: 'u' } as never)).toThrow(/options\.password/);
    expect(() =>
      createCloudOrgAdapter({ baseUrl: 'http://api.example.com', username: 'u', password: 'p' }),
    ).toThrow(/https/);
  });

  it('binds through its inversify module', async () => {
    sim = await startCloudOrgSimulator({ fixtures: { seed: 1, organizations: 3, membersPerOrg: 2 } });
    const container = new Container();
    await container.load(
      vendorModule(cloudOrgConnector, { baseUrl: sim.url, username: sim.username, password: sim.password }),
      directoryModule(),
    );
    directory = container.get<Directory>(TOKENS.Directory);
    expect(await directory.organizations.list().count()).toBe(3);
  });
});

describe('cloud-org mapping', () => {
  it('merges admins, billing managers and members into one member each, with product grants', async () => {
    const { sim, directory } = await setup();
    const [org] = await directory.organizations.list().toArray();
    const members = await directory.members.list(org?.id as string).toArray();
    // 40 fixture members plus the credential's own account (an admin).
    expect(members).toHaveLength(41);
    expect(new Set(members.map((m) => m.user.id)).size).toBe(41);
    const admins = await directory.admins.list(org?.id as string).toArray();
    expect(admins.map((a) => a.user.id)).toContain(sim.callerId);
    const withGrants = members.find((m) => m.grants.length > 0);
    expect(withGrants?.grants[0]?.scope).toMatchObject({ type: 'product' });
    expect(withGrants?.grants[0]?.group.id).toMatch(/^\d+$/);
    // One request for the whole list: member lists are never fetched per member.
    expect(sim.stats.byRoute.get('GET /v2/organizations/:organizationId/members')).toBe(2);
  });

  it('lists a user who is only an admin without the member kind, and both kinds when listed twice', async () => {
    const { sim, directory } = await setup({ quirks: { adminsInMembers: true } });
    const [org] = await directory.organizations.list().toArray();
    const caller = (await directory.members.list(org?.id as string).toArray()).find(
      (m) => m.user.id === sim.callerId,
    );
    expect(caller?.kinds).toEqual(['member', 'admin']);
  });

  it('accepts null member arrays from older API versions', async () => {
    const { directory } = await setup({ quirks: { nullArrays: true } });
    const org = sim?.store.addOrganization('Empty');
    if (sim) sim.store.membership(org?.organizationId as string, sim.callerId).isAdmin = true;
    expect(await directory.members.list(org?.organizationId as string).toArray()).toHaveLength(1);
  });
});

describe('cloud-org writes and errors', () => {
  it('refuses two groups of one product and unknown groups before writing', async () => {
    const { sim, directory } = await setup();
    const [org] = await directory.organizations.list().toArray();
    const [product] = await directory.products.list(org?.id as string).toArray();
    const groups = await directory.permissions
      .groups({ type: 'product', productId: product?.id as string })
      .toArray();
    const member = (await directory.members.list(org?.id as string).toArray()).find((m) =>
      m.kinds.includes('member'),
    );
    const scope = { type: 'product' as const, productId: product?.id as string };
    const writesBefore = sim.stats.writes;
    const two = await failure(
      directory.permissions.set(org?.id as string, member?.user.id as string, [
        { scope, groupId: groups[0]?.id as string },
        { scope, groupId: groups[1]?.id as string },
      ]),
    );
    expect(two.code).toBe('invalid_argument');
    expect(
      (
        await failure(
          directory.permissions.set(org?.id as string, member?.user.id as string, [
            { scope, groupId: '999999' },
          ]),
        )
      ).code,
    ).toBe('not_found');
    expect(
      (
        await failure(
          directory.permissions.set(org?.id as string, member?.user.id as string, [
            { scope, groupId: 'abc' },
          ]),
        )
      ).code,
    ).toBe('invalid_argument');
    expect(sim.stats.writes).toBe(writesBefore);
  });

  // The vendor answers an organization the caller may not act on with 403, 404 or 400
  // (spec copies disagree); the adapter cannot tell the last two from a missing
  // organization or bad input, so each maps to the code of its status.
  it('maps a forbidden organization by the status the vendor uses: 403 permission_denied, 404 not_found, 400 invalid_argument', async () => {
    for (const forbiddenStatus of [403, 404, 400] as const) {
      const { sim, directory } = await setup({ quirks: { forbiddenStatus } });
      const foreign = sim.store.addOrganization('Not mine');
      const error = await failure(directory.members.list(foreign.organizationId).toArray());
      expect([error.code, error.status]).toEqual([
        forbiddenStatus === 403
          ? 'permission_denied'
          : forbiddenStatus === 404
            ? 'not_found'
            : 'invalid_argument',
        forbiddenStatus,
      ]);
      await directory.close();
      await sim.close();
    }
    sim = undefined;
    directory = undefined;
  });

  it('refuses to demote the last admin with the vendor 400 as failed input', async () => {
    const { sim, directory } = await setup({ fixtures: undefined });
    const org = sim.store.addOrganization('Solo');
    sim.store.membership(org.organizationId, sim.callerId).isAdmin = true;
    const error = await failure(directory.admins.revoke(org.organizationId, sim.callerId));
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toMatch(/last Organization Admin/);
  });

  it('never lets the Basic credentials into errors or events', async () => {
    const events: HttpEvent[] = [];
    const { sim, directory } = await setup({}, events);
    const bad = createDirectory(
      createCloudOrgAdapter({
        baseUrl: sim.url,
        username: sim.username,
        password: 'definitely-wrong-password',
      }),
    );
    const error = await failure(bad.organizations.list().toArray());
    expect(error.code).toBe('unauthenticated');
    await bad.close();
    await directory.organizations.list().toArray();
    const everything = JSON.stringify([error.message, error.toJSON(), events]);
    for (const secret of [
      'definitely-wrong-password',
      sim.password,
      Buffer.from(`${sim.username}:${sim.password}`).toString('base64'),
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('paces from X-Rate-Limit headers in every reset format', async () => {
    for (const resetFormat of ['seconds', 'epoch', 'iso'] as const) {
      const { sim, directory } = await setup({
        rateLimit: { capacity: 2, refillPerSecond: 5 },
        quirks: { resetFormat },
      });
      for (let n = 0; n < 6; n++) await directory.organizations.list().toArray();
      expect(sim.stats.byStatus.get(429) ?? 0).toBeLessThanOrEqual(1);
      expect(sim.stats.byRoute.get('GET /v1/organizations')).toBeGreaterThanOrEqual(6);
      await directory.close();
      await sim.close();
    }
    sim = undefined;
    directory = undefined;
  });

  it('creates an invitation and returns it from the pending list, on the shared clock', async () => {
    // The shared clock is a minute behind the real one (a long test run): the adapter must
    // compare the vendor's timestamps with its transport's clock, not with Date.now().
    const { directory } = await setup({}, undefined, createVirtualClock(Date.now() - 60_000));
    const [org] = await directory.organizations.list().toArray();
    const [product] = await directory.products.list(org?.id as string).toArray();
    const [group] = await directory.permissions
      .groups({ type: 'product', productId: product?.id as string })
      .toArray();
    const invitation = await directory.invitations.create(org?.id as string, {
      email: 'new.person@example.com',
      grants: [
        { scope: { type: 'product', productId: product?.id as string }, groupId: group?.id as string },
      ],
    });
    expect(invitation.email).toBe('new.person@example.com');
    expect(invitation.grants[0]?.group.name).toBe(group?.name);
    expect(
      (await failure(directory.invitations.create(org?.id as string, { email: 'x@example.com' }))).code,
    ).toBe('invalid_argument');
  });
});
