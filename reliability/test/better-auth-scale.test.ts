import { createDirectory, type Directory } from '@orgport/core';
import { applyMigration, planMigration, type RoleMappingInput } from '@orgport/migrate';
import { createMemoryAdapter } from '@orgport/testkit/memory';
import { describe, expect, it } from 'vitest';
import { type BetterAuthWorld, memoryWorld } from './better-auth-world.js';

// 10,000 members in one organization of a real Better Auth app (its memory adapter), read
// through the adapter's paged path: as a migration source and as a target that already
// holds nearly everyone. Writing 10,000 members through Better Auth's own addMember is
// measured, not tested here: about 140 s on the memory adapter (its lookups scan the table)
// and 75 s on PostgreSQL on this machine; see docs/adapters/better-auth.md.

const COUNT = 10_000;
const email = (n: number) => `person${n}@example.com`;
const roleOf = (n: number) => (n % 3 === 0 ? 'viewer' : n % 3 === 1 ? 'developer' : undefined);

/** A Better Auth app whose organization `big` holds COUNT members (admins every 50th), written row by row as the app would. */
async function bigApp(): Promise<{ world: BetterAuthWorld; organizationId: string }> {
  const world = await memoryWorld({ membershipLimit: COUNT * 2 });
  const organizationId = await world.organization('big');
  for (let n = 0; n < COUNT; n++) {
    const userId = await world.user(email(n));
    const role = roleOf(n);
    await world.member(organizationId, userId, [
      ...(n % 50 === 0 ? ['admin'] : []),
      ...(role ? [role] : []),
      ...(n % 50 !== 0 && !role ? ['member'] : []),
    ]);
  }
  return { world, organizationId };
}

const mapping: RoleMappingInput = {
  unmapped: 'warn',
  rules: [
    { from: { role: 'viewer' }, to: [{ role: 'viewer' }] },
    { from: { role: 'developer' }, to: [{ role: 'developer' }] },
  ],
};

describe('10,000 members in one Better Auth organization', () => {
  it('members.list pages through all of them once, with their kinds and roles', async () => {
    const { world, organizationId } = await bigApp();
    const seen = new Map<string, string>();
    let pages = 0;
    for await (const page of world.directory.members.list(organizationId, { pageSize: 500 }).pages()) {
      pages++;
      for (const member of page.items) {
        expect(seen.has(member.user.id)).toBe(false);
        seen.set(
          member.user.email ?? '',
          [
            ...member.kinds.filter((kind) => kind !== 'member'),
            ...member.roles.map((role) => role.name),
          ].join(','),
        );
      }
    }
    expect(seen.size).toBe(COUNT);
    expect(pages).toBeGreaterThanOrEqual(COUNT / 500);
    for (const n of [0, 1, 2, 50, 4999, 9998, 9999])
      expect(seen.get(email(n))).toBe(
        [...(n % 50 === 0 ? ['admin'] : []), ...(roleOf(n) ? [roleOf(n)] : [])].join(','),
      );
  }, 300_000);

  it('as a migration source: every member reaches the target, and a re-plan is empty', async () => {
    const { world } = await bigApp();
    const target = createMemoryAdapter({ name: 'target' });
    target.store.addRole({ id: 'r-viewer', name: 'viewer' });
    target.store.addRole({ id: 'r-developer', name: 'developer' });
    target.store.addOrganization({ id: 'to', name: 'big' });
    for (let n = 0; n < COUNT; n++) target.store.addUser({ id: `t${n}`, email: email(n) });
    const directory: Directory = createDirectory(target);
    const plan = await planMigration({ source: world.directory, target: directory, mapping });
    expect(plan.summary.members).toBe(COUNT);
    expect(plan.summary.operations.add_member).toBe(COUNT);
    const result = await applyMigration(plan, { target: directory, concurrency: 8 });
    expect([result.failed, result.blocked]).toEqual([[], []]);
    expect((await planMigration({ source: world.directory, target: directory, mapping })).operations).toEqual(
      [],
    );
    const admins = await directory.admins.list('to').count();
    expect(admins).toBe(COUNT / 50);
  }, 300_000);

  it('as a target that holds nearly everyone: the plan reads all 10,000 and writes only the difference', async () => {
    const { world, organizationId } = await bigApp();
    // The source has everyone the app has, plus 100 people the app knows as users only.
    const source = createMemoryAdapter({ name: 'source' });
    source.store.addRole({ id: 'r-viewer', name: 'viewer' });
    source.store.addRole({ id: 'r-developer', name: 'developer' });
    source.store.addOrganization({ id: 'so', name: 'big' });
    for (let n = 0; n < COUNT + 100; n++) {
      source.store.addUser({ id: `s${n}`, email: email(n) });
      const record = source.store.membership('so', `s${n}`);
      record.kinds.add('member');
      if (n % 50 === 0) record.kinds.add('admin');
      const role = roleOf(n);
      if (role) record.roleIds.add(`r-${role}`);
    }
    for (let n = COUNT; n < COUNT + 100; n++) await world.user(email(n));
    const sourceDirectory = createDirectory(source);
    const plan = await planMigration({ source: sourceDirectory, target: world.directory, mapping });
    expect(plan.summary.operations.add_member).toBe(100);
    const result = await applyMigration(plan, { target: world.directory, concurrency: 8 });
    expect([result.failed, result.blocked]).toEqual([[], []]);
    expect(
      (await planMigration({ source: sourceDirectory, target: world.directory, mapping })).operations,
    ).toEqual([]);
    expect(await world.directory.members.list(organizationId, { pageSize: 1000 }).count()).toBe(COUNT + 100);
  }, 300_000);
});
