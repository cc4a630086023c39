import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { createDirectory, type Directory } from '@orgport/core';
import { createVirtualClock } from '@orgport/core/driver';
import { applyMigration, planMigration, type RoleMappingInput } from '@orgport/migrate';
import { startAuth0Simulator } from '@orgport/simulator-auth0';
import { startCloudOrgSimulator } from '@orgport/simulator-cloud-org';
import { createMemoryAdapter } from '@orgport/testkit/memory';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

// Writes decided on fresh state: whatever changes on the target between the run's read of a
// member and its write (another migration, an administrator, a product created after
// planning) survives the write. Each change is injected at that exact moment: the target
// directory is wrapped so that a hook runs just before a member's first grant write is sent.

const folder = mkdtempSync(join(tmpdir(), 'orgport-concurrent-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const MEMBERS = 12;
const email = (n: number) => `user${n}@example.com`;

/** Source: one organization whose members are all editors and viewers. */
function source() {
  const memory = createMemoryAdapter({ name: 'source' });
  const s = memory.store;
  s.addOrganization({ id: 'so', name: 'acme' });
  s.addRole({ id: 'r-editor', name: 'editor' });
  s.addRole({ id: 'r-viewer', name: 'viewer' });
  for (let n = 0; n < MEMBERS; n++) {
    s.addUser({ id: `s${n}`, email: email(n) });
    const record = s.membership('so', `s${n}`);
    record.kinds.add('member');
    record.roleIds.add('r-editor');
    record.roleIds.add('r-viewer');
  }
  return createDirectory(memory);
}

/**
 * The target as the run sees it, with `beforeWrite(userId)` run once per member just before
 * its first grant write (`permissions.set` or `permissions.grant`) goes out, after every read
 * the run made for it.
 */
function interceptGrantWrites(target: Directory, beforeWrite: (userId: string) => Promise<void>): Directory {
  const seen = new Set<string>();
  const hook = async (userId: string) => {
    if (seen.has(userId)) return;
    seen.add(userId);
    await beforeWrite(userId);
  };
  const permissions = new Proxy(target.permissions, {
    get(port, key) {
      const value = Reflect.get(port, key);
      if (key !== 'set' && key !== 'grant') return typeof value === 'function' ? value.bind(port) : value;
      return async (organizationId: string, userId: string, ...rest: unknown[]) => {
        await hook(userId);
        return (value as (...args: unknown[]) => Promise<void>).call(port, organizationId, userId, ...rest);
      };
    },
  });
  return new Proxy(target, {
    get(directory, key) {
      return key === 'permissions' ? permissions : Reflect.get(directory, key);
    },
  });
}

async function cloudOrgWorld() {
  const clock = createVirtualClock();
  const sim = await startCloudOrgSimulator({ seed: 22, clock, quirks: { listCaller: false } });
  const { store } = sim;
  const org = store.addOrganization('acme');
  store.membership(org.organizationId, sim.callerId).isAdmin = true;
  const group = new Map<string, number>();
  const productId = new Map<string, string>();
  for (const product of ['Web', 'API']) {
    const created = store.addProduct(org.organizationId, product);
    productId.set(product, created.productId);
    for (const name of ['Developers', 'Viewers'])
      group.set(`${product}/${name}`, store.addGroup(created.productId, name).permissionGroupId);
  }
  const userIds: string[] = [];
  for (let n = 0; n < MEMBERS; n++) {
    store.addUser({ email: email(n), userId: `t${n}` });
    store.membership(org.organizationId, `t${n}`);
    userIds.push(`t${n}`);
  }
  const target = createDirectory(
    createCloudOrgAdapter({
      baseUrl: sim.url,
      username: sim.username,
      password: sim.password,
      http: { clock },
    }),
  );
  closers.push(target.close, sim.close);
  /** Group names a member holds, `Product/Group`. */
  const held = (userId: string) =>
    [...store.membership(org.organizationId, userId).groups].map(([product, id]) => {
      const name = [...store.products.values()].find((p) => p.productId === product)?.name;
      return `${name}/${store.groups.get(id)?.name}`;
    });
  return { sim, store, org, group, productId, userIds, target, held };
}

async function auth0World() {
  const clock = createVirtualClock();
  const sim = await startAuth0Simulator({ seed: 22, clock });
  const { store } = sim;
  const roles = new Map(['developer', 'viewer', 'auditor'].map((name) => [name, store.addRole(name).id]));
  const org = store.addOrganization({ name: 'acme' });
  const userIds: string[] = [];
  for (let n = 0; n < MEMBERS; n++) {
    const user = store.addUser({ email: email(n) });
    store.addMember(org.id, user.user_id);
    userIds.push(user.user_id);
  }
  const target = createDirectory(
    createAuth0Adapter({
      baseUrl: sim.url,
      clientId: sim.clientId,
      clientSecret: sim.clientSecret,
      http: { clock },
    }),
  );
  closers.push(target.close, sim.close);
  const held = (userId: string) =>
    [...store.rolesOf(org.id, userId)].map((id) => store.roles.get(id)?.name ?? id).sort();
  return { store, org, roles, userIds, target, held };
}

const onlyEditors = (to: RoleMappingInput['rules']): RoleMappingInput => ({ unmapped: 'skip', rules: to });

describe('a migration never sets back what changed on the target after it read it', () => {
  it('two migrations on one cloud-org tenant at once (two journals) both end complete', async () => {
    const world = await cloudOrgWorld();
    const from = source();
    const planA = await planMigration({
      source: from,
      target: world.target,
      mapping: onlyEditors([{ from: { role: 'editor' }, to: [{ product: 'Web', group: 'Developers' }] }]),
    });
    const planB = await planMigration({
      source: from,
      target: world.target,
      mapping: onlyEditors([{ from: { role: 'viewer' }, to: [{ product: 'API', group: 'Viewers' }] }]),
    });
    const [a, b] = await Promise.all([
      applyMigration(planA, { target: world.target, journal: join(folder, 'a.ndjson') }),
      applyMigration(planB, { target: world.target, journal: join(folder, 'b.ndjson') }),
    ]);
    expect([a.failed, b.failed]).toEqual([[], []]);
    for (const userId of world.userIds)
      expect({ userId, held: world.held(userId).sort() }).toEqual({
        userId,
        held: ['API/Viewers', 'Web/Developers'],
      });
  });

  it("cloud-org: another plan's run, an administrator's change and a product created after planning, each between the read and the write, survive", async () => {
    const world = await cloudOrgWorld();
    const from = source();
    const planA = await planMigration({
      source: from,
      target: world.target,
      mapping: onlyEditors([{ from: { role: 'editor' }, to: [{ product: 'Web', group: 'Developers' }] }]),
    });
    const planB = await planMigration({
      source: from,
      target: world.target,
      mapping: onlyEditors([{ from: { role: 'viewer' }, to: [{ product: 'API', group: 'Viewers' }] }]),
    });
    const orgId = world.org.organizationId;
    const [first, second, third] = world.userIds as [string, string, string];
    const billing = world.store.addProduct(orgId, 'Billing');
    const payers = world.store.addGroup(billing.productId, 'Payers');
    // Plan B applied in full for the first member, just before plan A writes that member.
    const target = interceptGrantWrites(world.target, async (userId) => {
      if (userId === first) {
        const only = {
          ...planB,
          operations: planB.operations.filter((op) => 'userId' in op && op.userId === first),
        };
        expect((await applyMigration(only, { target: world.target })).applied).toHaveLength(1);
      }
      // An administrator moves the second member into API/Developers.
      if (userId === second)
        world.store
          .membership(orgId, second)
          .groups.set(world.productId.get('API') as string, world.group.get('API/Developers') as number);
      // A product created after planning, and the third member granted in it.
      if (userId === third)
        world.store.membership(orgId, third).groups.set(billing.productId, payers.permissionGroupId);
    });
    const result = await applyMigration(planA, { target });
    expect(result.failed).toEqual([]);
    expect(world.held(first).sort()).toEqual(['API/Viewers', 'Web/Developers']);
    expect(world.held(second).sort()).toEqual(['API/Developers', 'Web/Developers']);
    expect(world.held(third).sort()).toEqual(['Billing/Payers', 'Web/Developers']);
  });

  it("Auth0: two plans at once, and an administrator's role given between the read and the write, survive", async () => {
    const world = await auth0World();
    const from = source();
    const planA = await planMigration({
      source: from,
      target: world.target,
      mapping: onlyEditors([{ from: { role: 'editor' }, to: [{ role: 'developer' }] }]),
    });
    const planB = await planMigration({
      source: from,
      target: world.target,
      mapping: onlyEditors([{ from: { role: 'viewer' }, to: [{ role: 'viewer' }] }]),
    });
    const [first] = world.userIds as [string];
    const target = interceptGrantWrites(world.target, async (userId) => {
      if (userId === first)
        world.store.rolesOf(world.org.id, first).add(world.roles.get('auditor') as string);
    });
    const [a, b] = await Promise.all([
      applyMigration(planA, { target, journal: join(folder, 'auth0-a.ndjson') }),
      applyMigration(planB, { target: world.target, journal: join(folder, 'auth0-b.ndjson') }),
    ]);
    expect([a.failed, b.failed]).toEqual([[], []]);
    expect(world.held(first)).toEqual(['auditor', 'developer', 'viewer']);
    for (const userId of world.userIds.slice(1)) expect(world.held(userId)).toEqual(['developer', 'viewer']);
  });
});
