import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDirectory, type Directory, OrgPortError } from '@orgport/core';
import { createMemoryAdapter, type MemoryAdapter } from '@orgport/testkit/memory';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigration, memoryJournalStore, planMigration, type RoleMappingInput } from '../src/index.js';

// Migration held to an oracle: generated source and target tenants, the plan applied
// (plainly, and with failures then a resume), and the target compared with what an
// independent model of the mapping says it must hold.

const ROLES = ['viewer', 'editor', 'auditor'] as const;
const PRODUCTS = ['Web', 'API'] as const;
const GROUPS = ['Developers', 'Viewers'] as const;
const KINDS = ['admin', 'billing_manager'] as const;
type Kind = (typeof KINDS)[number];

const mapping: RoleMappingInput = {
  unmapped: 'warn',
  rules: [
    { from: { role: 'editor' }, to: [{ product: '*', group: 'Developers' }] },
    { from: { role: 'viewer' }, to: [{ product: '*', group: 'Viewers' }] },
  ],
};

interface SourceMember {
  readonly user: number;
  readonly roles: readonly (typeof ROLES)[number][];
  readonly kinds: readonly Kind[];
}
interface TargetMember {
  readonly user: number;
  readonly kinds: readonly Kind[];
  /** Product index → group index. */
  readonly groups: readonly (readonly [number, number])[];
  readonly extraRole: boolean;
  /** Given the unmapped role `support` on the target after planning, before apply. */
  readonly driftRole: boolean;
}
interface Scenario {
  readonly users: number;
  /** Which users have an account on the target. */
  readonly onTarget: readonly boolean[];
  /** Per organization: does the target have it (else the plan creates it)? */
  readonly organizations: readonly {
    readonly exists: boolean;
    readonly source: readonly SourceMember[];
    readonly target: readonly TargetMember[];
  }[];
}

const uniqueBy = <T>(items: readonly T[], key: (item: T) => number) => {
  const seen = new Set<number>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
};

const scenarioArb: fc.Arbitrary<Scenario> = fc.integer({ min: 1, max: 7 }).chain((users) =>
  fc.record({
    users: fc.constant(users),
    onTarget: fc.array(fc.boolean(), { minLength: users, maxLength: users }),
    organizations: fc.array(
      fc.record({
        exists: fc.boolean(),
        source: fc
          .array(
            fc.record({
              user: fc.integer({ min: 0, max: users - 1 }),
              roles: fc.subarray([...ROLES]),
              kinds: fc.subarray([...KINDS]),
            }),
            { maxLength: users },
          )
          .map((members) => uniqueBy(members, (m) => m.user)),
        target: fc
          .array(
            fc.record({
              user: fc.integer({ min: 0, max: users - 1 }),
              kinds: fc.subarray([...KINDS]),
              groups: fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 1 })), {
                maxLength: 2,
              }),
              extraRole: fc.boolean(),
              driftRole: fc.boolean(),
            }),
            { maxLength: users },
          )
          .map((members) => uniqueBy(members, (m) => m.user)),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  }),
);

const email = (user: number) => `user${user}@example.com`;

// A fixed seed, printed on every run: a failure names its scenario, and the same command
// replays it. ORGPORT_MODEL_SEED explores other scenarios; ORGPORT_MODEL_RUNS runs more.
const SEED = Number(process.env.ORGPORT_MODEL_SEED ?? 20_261_206);
const RUNS = Number(process.env.ORGPORT_MODEL_RUNS ?? 200);
console.log(`migration-model: seed ${SEED}, ${RUNS} runs (ORGPORT_MODEL_SEED, ORGPORT_MODEL_RUNS)`);

/** Builds the two tenants of a scenario. */
function build(scenario: Scenario): { source: MemoryAdapter; target: MemoryAdapter } {
  const source = createMemoryAdapter({ name: 'source' });
  const target = createMemoryAdapter({ name: 'target' });
  const s = source.store;
  const t = target.store;
  for (const role of ROLES) s.addRole({ id: `r-${role}`, name: role });
  t.addRole({ id: 't-support', name: 'support' });
  for (let user = 0; user < scenario.users; user++) {
    s.addUser({ id: `s${user}`, email: email(user) });
    // Target accounts differ in case: matching is by email, case-insensitively.
    if (scenario.onTarget[user]) t.addUser({ id: `t${user}`, email: email(user).toUpperCase() });
  }
  for (const [index, organization] of scenario.organizations.entries()) {
    s.addOrganization({ id: `so${index}`, name: `org-${index}` });
    for (const member of organization.source) {
      const record = s.membership(`so${index}`, `s${member.user}`);
      record.kinds.add('member');
      for (const kind of member.kinds) record.kinds.add(kind);
      for (const role of member.roles) record.roleIds.add(`r-${role}`);
    }
    if (!organization.exists) continue;
    t.addOrganization({ id: `to${index}`, name: `org-${index}` });
    for (const [p, product] of PRODUCTS.entries()) {
      t.addProduct({ id: `to${index}-p${p}`, organizationId: `to${index}`, name: product });
      for (const [g, group] of GROUPS.entries())
        t.addProductGroup({ id: `to${index}-p${p}-g${g}`, productId: `to${index}-p${p}`, name: group });
    }
    for (const member of organization.target) {
      if (!scenario.onTarget[member.user]) continue;
      const record = t.membership(`to${index}`, `t${member.user}`);
      record.kinds.add('member');
      for (const kind of member.kinds) record.kinds.add(kind);
      for (const [p, g] of member.groups)
        record.productGroups.set(`to${index}-p${p}`, `to${index}-p${p}-g${g}`);
      if (member.extraRole) record.roleIds.add('t-support');
    }
  }
  return { source, target };
}

/** Changes on the target between planning and applying: an old plan must not undo them. */
function drift(scenario: Scenario, target: MemoryAdapter): void {
  for (const [index, organization] of scenario.organizations.entries()) {
    if (!organization.exists) continue;
    for (const member of organization.target)
      if (member.driftRole && scenario.onTarget[member.user])
        target.store.membership(`to${index}`, `t${member.user}`).roleIds.add('t-support');
  }
}

/** What the target must hold afterwards, by organization name → email → membership or invitation. */
function oracle(scenario: Scenario): Map<string, Map<string, string>> {
  const expected = new Map<string, Map<string, string>>();
  for (const [index, organization] of scenario.organizations.entries()) {
    const state = new Map<string, string>();
    const held = new Map(
      organization.target
        .filter((m) => organization.exists && scenario.onTarget[m.user])
        .map((m) => [m.user, m]),
    );
    // Target members the source does not name stay as they are (no prune).
    for (const member of held.values())
      state.set(
        email(member.user),
        membershipText(member.kinds, groupsOf(member), member.extraRole || member.driftRole),
      );
    for (const member of organization.source) {
      const wanted = member.roles.includes('editor') ? 0 : member.roles.includes('viewer') ? 1 : undefined;
      if (!scenario.onTarget[member.user]) {
        // No account there: invited, carrying the mapped groups (where products exist).
        const groups =
          organization.exists && wanted !== undefined ? [0, 1].map((p) => `p${p}-g${wanted}`) : [];
        state.set(email(member.user), `invited ${groups.join(',')}`);
        continue;
      }
      const before = held.get(member.user);
      const kinds = new Set<Kind>([...(before?.kinds ?? []), ...member.kinds]);
      const groups = new Map(groupsOf(before));
      if (organization.exists && wanted !== undefined) for (const p of [0, 1]) groups.set(p, wanted);
      const support = (before?.extraRole ?? false) || (before?.driftRole ?? false);
      state.set(email(member.user), membershipText([...kinds], groups, support));
    }
    expected.set(`org-${index}`, state);
  }
  return expected;
}

const groupsOf = (member: TargetMember | undefined) => new Map<number, number>(member?.groups ?? []);
const membershipText = (kinds: readonly Kind[], groups: ReadonlyMap<number, number>, extraRole: boolean) =>
  `member ${[...new Set(kinds)].sort().join(',')} | ${[...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([p, g]) => `p${p}-g${g}`)
    .join(',')} | ${extraRole ? 'support' : ''}`;

/** What the target holds, in the oracle's terms. */
function observe(target: MemoryAdapter): Map<string, Map<string, string>> {
  const t = target.store;
  const observed = new Map<string, Map<string, string>>();
  for (const organization of t.organizations.values()) {
    const state = new Map<string, string>();
    for (const [userId, record] of t.memberships.get(organization.id) ?? []) {
      const address = t.users.get(userId)?.email?.toLowerCase() ?? userId;
      const groups = new Map<number, number>();
      for (const [productId, groupId] of record.productGroups) {
        const [, p, g] = /-p(\d)-g(\d)$/.exec(groupId) ?? [];
        if (productId.endsWith(`-p${p}`)) groups.set(Number(p), Number(g));
      }
      const kinds = [...record.kinds].filter((kind): kind is Kind => kind !== 'member');
      state.set(address, membershipText(kinds, groups, record.roleIds.has('t-support')));
    }
    for (const invitation of t.invitations.get(organization.id)?.values() ?? []) {
      const groups = invitation.grants
        .map((grant) => /-(p\d-g\d)$/.exec(grant.groupId)?.[1] ?? grant.groupId)
        .sort();
      state.set(invitation.email.toLowerCase(), `invited ${groups.join(',')}`);
    }
    observed.set(organization.name, state);
  }
  return observed;
}

/** A directory whose writes fail (as `unavailable`) at the chosen write numbers, once each. */
function failingAt(directory: Directory, failures: ReadonlySet<number>): Directory {
  let writes = 0;
  const wrap =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (failures.has(writes++)) throw new OrgPortError('unavailable', 'injected failure');
      return call(...args);
    };
  return {
    ...directory,
    members: { ...directory.members, add: wrap(directory.members.add) },
    permissions: { ...directory.permissions, set: wrap(directory.permissions.set) },
    admins: { ...directory.admins, grant: wrap(directory.admins.grant) },
    billingManagers: { ...directory.billingManagers, grant: wrap(directory.billingManagers.grant) },
    invitations: { ...directory.invitations, create: wrap(directory.invitations.create) },
    organizations: { ...directory.organizations, create: wrap(directory.organizations.create) },
  };
}

describe('migration against an oracle (generated tenants)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'orgport-model-'));
  let runs = 0;
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('ends with exactly what the mapping says, re-plans to nothing, and a failed-then-resumed run ends the same', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArb,
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 4 }),
        async (scenario, failures) => {
          const expected = oracle(scenario);

          // One unbroken run.
          const plain = build(scenario);
          const plainTarget = createDirectory(plain.target);
          const plan = await planMigration({
            source: createDirectory(plain.source),
            target: plainTarget,
            mapping,
          });
          drift(scenario, plain.target);
          const result = await applyMigration(plan, { target: plainTarget });
          expect([result.failed, result.blocked]).toEqual([[], []]);
          expect(observe(plain.target)).toEqual(expected);
          const replan = await planMigration({
            source: createDirectory(plain.source),
            target: plainTarget,
            mapping,
          });
          expect(replan.operations).toEqual([]);

          // The same plan with failures, then resumed: the same end state.
          const broken = build(scenario);
          const brokenTarget = createDirectory(broken.target);
          const brokenPlan = await planMigration({
            source: createDirectory(broken.source),
            target: brokenTarget,
            mapping,
          });
          expect(brokenPlan.operations).toEqual(plan.operations);
          drift(scenario, broken.target);
          // Half the runs journal to a file, half to the in-memory store: one contract.
          const journal = runs++ % 2 === 0 ? join(folder, `journal-${runs}.ndjson`) : memoryJournalStore();
          await applyMigration(brokenPlan, { target: failingAt(brokenTarget, new Set(failures)), journal });
          const resumed = await applyMigration(brokenPlan, { target: brokenTarget, journal, resume: true });
          expect([resumed.failed, resumed.blocked]).toEqual([[], []]);
          expect(observe(broken.target)).toEqual(expected);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
