import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { createDirectory, type Directory, OrgPortError } from '@orgport/core';
import { createVirtualClock } from '@orgport/core/driver';
import { applyMigration, planMigration, type RoleMappingInput } from '@orgport/migrate';
import { startAuth0Simulator } from '@orgport/simulator-auth0';
import { startCloudOrgSimulator } from '@orgport/simulator-cloud-org';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type BetterAuthWorld, memoryWorld } from './better-auth-world.js';

// Migrations into and out of a real Better Auth app (the better-auth package on its memory
// adapter) over generated tenants: an unbroken run; a run whose database refuses a seeded
// share of writes, killed part-way and resumed, must end in the same state; a re-plan
// afterwards is empty; and the Better Auth end state matches an independent model of the
// mapping.

const SOURCE_ROLES = ['viewer', 'editor', 'auditor'] as const;
type SourceRole = (typeof SOURCE_ROLES)[number];
const TARGET_GROUPS = ['developer', 'viewer', 'support'] as const;
interface Scenario {
  readonly users: number;
  readonly onTarget: readonly boolean[];
  readonly source: readonly { user: number; roles: readonly SourceRole[]; admin: boolean }[];
  readonly target: readonly { user: number; admin: boolean; group: number }[];
  readonly killAfter: number;
  readonly faultSeed: number;
}
const uniqueBy = <T>(items: readonly T[], key: (item: T) => number) => {
  const seen = new Set<number>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
};
const scenarioArb: fc.Arbitrary<Scenario> = fc.integer({ min: 1, max: 6 }).chain((users) =>
  fc.record({
    users: fc.constant(users),
    onTarget: fc.array(fc.boolean(), { minLength: users, maxLength: users }),
    source: fc
      .array(
        fc.record({
          user: fc.integer({ min: 0, max: users - 1 }),
          roles: fc.subarray([...SOURCE_ROLES]),
          admin: fc.boolean(),
        }),
        { maxLength: users },
      )
      .map((members) => uniqueBy(members, (m) => m.user)),
    target: fc
      .array(
        fc.record({
          user: fc.integer({ min: 0, max: users - 1 }),
          admin: fc.boolean(),
          group: fc.integer({ min: 0, max: 2 }),
        }),
        { maxLength: users },
      )
      .map((members) => uniqueBy(members, (m) => m.user)),
    killAfter: fc.integer({ min: 0, max: 8 }),
    faultSeed: fc.integer({ min: 1, max: 1000 }),
  }),
);
const email = (user: number) => `user${user}@example.com`;
const folder = mkdtempSync(join(tmpdir(), 'orgport-model-better-auth-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Plans and applies plainly; then, on a second world, with refused writes, a kill and a resume. */
async function bothRuns<W extends { directory: Directory; state(): Promise<string> }>(
  source: Directory,
  mapping: RoleMappingInput,
  world: () => Promise<W>,
  faults: (world: W, on: boolean) => void,
  killAfter: number,
  failure: RegExp,
): Promise<{ plain: W; resumed: W }> {
  const plain = await world();
  const resumed = await world();
  const plan = await planMigration({ source, target: plain.directory, mapping });
  const result = await applyMigration(plan, { target: plain.directory });
  expect([result.failed, result.blocked]).toEqual([[], []]);
  expect((await planMigration({ source, target: plain.directory, mapping })).operations).toEqual([]);

  const plan2 = await planMigration({ source, target: resumed.directory, mapping });
  // The same operations (each plan's id is its own).
  expect(plan2.operations.map((operation) => operation.id)).toEqual(
    plan.operations.map((operation) => operation.id),
  );
  const journal = join(folder, `j-${Math.random().toString(36).slice(2)}.ndjson`);
  faults(resumed, true);
  const controller = new AbortController();
  let done = 0;
  const first = await applyMigration(plan2, {
    target: resumed.directory,
    journal,
    concurrency: 2,
    signal: controller.signal,
    onProgress: () => {
      if (++done >= killAfter) controller.abort();
    },
  }).catch((error: unknown) => {
    if (!OrgPortError.is(error, 'cancelled')) throw error;
    return undefined;
  });
  // A refused write is reported with its cause, never as success.
  for (const failed of first?.failed ?? []) expect(`${failed.code}: ${failed.reason}`).toMatch(failure);
  faults(resumed, false);
  const finished = await applyMigration(plan2, { target: resumed.directory, journal, resume: true });
  expect([finished.failed, finished.blocked]).toEqual([[], []]);
  expect((await planMigration({ source, target: resumed.directory, mapping })).operations).toEqual([]);
  expect(await resumed.state()).toBe(await plain.state());
  return { plain, resumed };
}

describe('migration with a real Better Auth app over generated tenants', () => {
  it('Auth0 → Better Auth: a killed run on a failing database resumes to the unbroken end state, which the model predicts', async () => {
    let refused = 0;
    const mapping: RoleMappingInput = {
      unmapped: 'warn',
      rules: [
        { from: { role: 'editor' }, to: [{ role: 'developer' }] },
        { from: { role: 'viewer' }, to: [{ role: 'viewer' }] },
      ],
    };
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        // The source tenant: one organization, roles and the admin role.
        const clock = createVirtualClock();
        const sim = await startAuth0Simulator({ seed: 4, clock });
        const source = createDirectory(
          createAuth0Adapter({
            baseUrl: sim.url,
            clientId: sim.clientId,
            clientSecret: sim.clientSecret,
            http: { retry: { baseDelayMs: 2, maxDelayMs: 20 }, clock },
          }),
        );
        try {
          const { store } = sim;
          const roleIds = new Map<string, string>();
          for (const name of [...SOURCE_ROLES, 'admin'])
            roleIds.set(
              name,
              ([...store.roles.values()].find((r) => r.name === name) ?? store.addRole(name)).id,
            );
          const org = store.addOrganization({ name: 'org-0' });
          for (const member of scenario.source) {
            const user =
              [...store.users.values()].find((u) => u.email === email(member.user)) ??
              store.addUser({ email: email(member.user) });
            store.addMember(org.id, user.user_id);
            for (const role of member.roles)
              store.rolesOf(org.id, user.user_id).add(roleIds.get(role) as string);
            if (member.admin) store.rolesOf(org.id, user.user_id).add(roleIds.get('admin') as string);
          }
          const world = async (): Promise<BetterAuthWorld> => {
            const w = await memoryWorld();
            // The organization exists only when some target member is given: otherwise the plan creates it.
            const orgId = scenario.target.length > 0 ? await w.organization('org-0') : undefined;
            for (let user = 0; user < scenario.users; user++) {
              if (!scenario.onTarget[user]) continue;
              const userId = await w.user(email(user));
              const member = scenario.target.find((m) => m.user === user);
              if (member && orgId)
                await w.member(orgId, userId, [
                  TARGET_GROUPS[member.group] as string,
                  ...(member.admin ? ['admin'] : []),
                ]);
            }
            return w;
          };
          const { plain } = await bothRuns(
            source,
            mapping,
            world,
            (w, on) => {
              if (!on) refused += w.faults.refused;
              w.faults.seed = scenario.faultSeed;
              w.faults.rate = on ? 0.3 : 0;
            },
            scenario.killAfter,
            // The injected fault, or its consequence: members of an organization whose creation was refused.
            /internal: .*write refused|cancelled|not_found: No organization with slug org-0/,
          );

          // The model: what each source member must be on Better Auth after the run.
          const mapped = (roles: readonly SourceRole[]) =>
            roles.flatMap((role) =>
              role === 'editor' ? ['developer'] : role === 'viewer' ? ['viewer'] : [],
            );
          const members: [string, string][] = [];
          const invitations: string[] = [];
          for (let user = 0; user < scenario.users; user++) {
            const from = scenario.source.find((m) => m.user === user);
            const existing = scenario.onTarget[user]
              ? scenario.target.find((m) => m.user === user)
              : undefined;
            const grants = from ? mapped(from.roles) : [];
            if (existing && scenario.target.length > 0) {
              const roles = new Set([TARGET_GROUPS[existing.group] as string, ...grants]);
              if (existing.admin || from?.admin) roles.add('admin');
              members.push([email(user), [...roles].sort().join(',')]);
            } else if (from && scenario.onTarget[user]) {
              const roles = grants.length === 0 && from.admin ? ['admin'] : ['member', ...grants];
              if (from.admin && grants.length > 0) roles.push('admin');
              members.push([email(user), [...new Set(roles)].sort().join(',')]);
            } else if (from) {
              invitations.push(
                `${email(user)}:${grants.length > 0 ? [...grants].sort().join(',') : 'member'}`,
              );
            }
          }
          // The source organization always exists: the plan creates it where the target lacks it.
          const expected = [['org-0', members.sort(), invitations.sort()]];
          expect(JSON.parse(await plain.state())).toEqual(expected);
        } finally {
          await source.close();
          await sim.close();
        }
      }),
      { numRuns: 25 },
    );
    // The database really refused writes along the way.
    expect(refused).toBeGreaterThan(0);
  }, 180_000);

  it('Better Auth → cloud-org: a killed, faulted, resumed run ends like an unbroken one', async () => {
    const mapping: RoleMappingInput = {
      unmapped: 'warn',
      rules: [
        { from: { role: 'developer' }, to: [{ product: '*', group: 'Developers' }] },
        { from: { role: 'viewer' }, to: [{ product: '*', group: 'Viewers' }] },
      ],
    };
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        // The source: a Better Auth app with one organization (roles developer, viewer, support).
        const app = await memoryWorld();
        const orgId = await app.organization('org-0');
        for (const member of scenario.source) {
          const userId = await app.user(email(member.user));
          const roles = member.roles.map((role) =>
            role === 'editor' ? 'developer' : role === 'auditor' ? 'support' : role,
          );
          await app.member(orgId, userId, [
            ...roles,
            ...(member.admin ? ['admin'] : []),
            ...(roles.length === 0 && !member.admin ? ['member'] : []),
          ]);
        }
        const world = async () => {
          const clock = createVirtualClock();
          const sim = await startCloudOrgSimulator({ seed: 4, clock, quirks: { listCaller: false } });
          const { store } = sim;
          const org = store.addOrganization('org-0');
          store.membership(org.organizationId, sim.callerId).isAdmin = true;
          const groups: number[] = [];
          for (const name of ['Web', 'API']) {
            const product = store.addProduct(org.organizationId, name);
            for (const group of ['Developers', 'Viewers', 'Support'])
              groups.push(store.addGroup(product.productId, group).permissionGroupId);
          }
          const products = [...store.products.values()].map((p) => p.productId);
          for (let user = 0; user < scenario.users; user++) {
            if (!scenario.onTarget[user]) continue;
            const created = store.addUser({ email: email(user), userId: `t${user}` });
            const member = scenario.target.find((m) => m.user === user);
            if (!member) continue;
            const membership = store.membership(org.organizationId, created.userId);
            membership.isAdmin = member.admin;
            membership.groups.set(products[0] as string, groups[member.group] as number);
          }
          const directory = createDirectory(
            createCloudOrgAdapter({
              baseUrl: sim.url,
              username: sim.username,
              password: sim.password,
              // No retries: injected faults become failures that the resume must finish.
              http: { retry: { maxRetries: 0, baseDelayMs: 2, maxDelayMs: 20 }, clock },
            }),
          );
          return { directory, sim, state: async () => store.dump() };
        };
        const worlds: Awaited<ReturnType<typeof world>>[] = [];
        try {
          await bothRuns(
            app.directory,
            mapping,
            async () => {
              const w = await world();
              worlds.push(w);
              return w;
            },
            (w, on) => {
              w.sim.faults.configure(
                on ? { seed: scenario.faultSeed, rateLimit: 0.1, serverError: 0.1, reset: 0.1 } : {},
              );
            },
            scenario.killAfter,
            /rate_limited|unavailable|timeout|cancelled/,
          );
        } finally {
          await Promise.all(worlds.map((w) => Promise.all([w.directory.close(), w.sim.close()])));
        }
      }),
      { numRuns: 12 },
    );
  }, 180_000);
});
