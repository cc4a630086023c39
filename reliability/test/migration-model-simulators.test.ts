import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { createDirectory, type Directory, OrgPortError } from '@orgport/core';
import { createVirtualClock } from '@orgport/core/driver';
import { applyMigration, planMigration, type RoleMappingInput } from '@orgport/migrate';
import { type Auth0Simulator, startAuth0Simulator } from '@orgport/simulator-auth0';
import { type CloudOrgSimulator, startCloudOrgSimulator } from '@orgport/simulator-cloud-org';
import { createMemoryAdapter } from '@orgport/testkit/memory';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

// Migration into each simulator over generated tenants: an unbroken run, and a run under
// injected 429/5xx/resets that is killed part-way and resumed, must leave the target in the
// same state, and a re-plan afterwards must find nothing to do.

const ROLES = ['viewer', 'editor', 'auditor'] as const;
type Role = (typeof ROLES)[number];
interface Scenario {
  readonly users: number;
  readonly onTarget: readonly boolean[];
  readonly source: readonly { user: number; roles: readonly Role[]; admin: boolean }[];
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
          roles: fc.subarray([...ROLES]),
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

// A fixed seed, printed on every run: a failure names its scenario, and the same command
// replays it. ORGPORT_MODEL_SEED explores other scenarios; ORGPORT_MODEL_RUNS runs more.
const SEED = Number(process.env.ORGPORT_MODEL_SEED ?? 20_261_206);
const RUNS = Number(process.env.ORGPORT_MODEL_RUNS ?? 40);
console.log(
  `migration-model-simulators: seed ${SEED}, ${RUNS} runs per target (ORGPORT_MODEL_SEED, ORGPORT_MODEL_RUNS)`,
);

/** One member as a vendor-neutral line: `member admin=… groups` or `invited …`. */
type ModelState = Map<string, string>;
const wantedGroup = (roles: readonly Role[]) =>
  roles.includes('editor') ? 'Developers' : roles.includes('viewer') ? 'Viewers' : undefined;

/**
 * What the cloud-org target must hold afterwards, worked out from the scenario and the
 * mapping alone (editor → Developers on every product, else viewer → Viewers): target
 * members the source does not name stay as they are; a source member already in the
 * organization keeps what they hold, gains the admin kind if the source has it, and, unless
 * an admin (admins hold every permission implicitly, so none are set), gets the wanted
 * group on both products; anyone else is invited into the wanted group of the first
 * product (the target invites into one group), or not at all when nothing maps.
 */
function cloudOrgModel(scenario: Scenario): ModelState {
  const state: ModelState = new Map();
  const held = new Map(scenario.target.filter((m) => scenario.onTarget[m.user]).map((m) => [m.user, m]));
  const line = (admin: boolean, groups: ReadonlyMap<string, string>) =>
    `member admin=${admin} ${[...groups]
      .map(([product, group]) => `${product}/${group}`)
      .sort()
      .join(',')}`;
  for (const member of held.values())
    state.set(email(member.user), line(member.admin, new Map([['Web', GROUP_NAMES[member.group] ?? '']])));
  for (const member of scenario.source) {
    const wanted = wantedGroup(member.roles);
    const before = held.get(member.user);
    if (!before) {
      if (wanted) state.set(email(member.user), `invited Web/${wanted}`);
      continue;
    }
    const admin = before.admin || member.admin;
    const groups = new Map([['Web', GROUP_NAMES[before.group] ?? '']]);
    if (wanted && !admin) for (const product of ['Web', 'API']) groups.set(product, wanted);
    state.set(email(member.user), line(admin, groups));
  }
  return state;
}
const GROUP_NAMES = ['Developers', 'Viewers', 'Support'] as const;

/**
 * What the Auth0 target must hold afterwards, from the scenario and the mapping alone
 * (editor → role developer, viewer → role viewer; Auth0 holds many roles, admin is the
 * `admin` role): the organization exists (created when missing); target members the source
 * does not name keep their roles; a source member with an account there is a member with
 * what they held plus the mapped roles and `admin` if the source has it; anyone else is
 * invited with the mapped roles.
 */
function auth0Model(scenario: Scenario): ModelState {
  const state: ModelState = new Map([['organizations', 'org-0']]);
  const exists = scenario.target.length > 0;
  const held = new Map(
    scenario.target.filter((m) => exists && scenario.onTarget[m.user]).map((m) => [m.user, m]),
  );
  const rolesBefore = (member: Scenario['target'][number] | undefined) =>
    member ? [ROLE_NAMES[member.group] ?? '', ...(member.admin ? ['admin'] : [])] : [];
  const mapped = (roles: readonly Role[]) => [
    ...(roles.includes('editor') ? ['developer'] : []),
    ...(roles.includes('viewer') ? ['viewer'] : []),
  ];
  const line = (status: string, roles: readonly string[]) =>
    `${status} ${[...new Set(roles)].sort().join(',')}`;
  for (const member of held.values()) state.set(email(member.user), line('member', rolesBefore(member)));
  for (const member of scenario.source) {
    if (!scenario.onTarget[member.user]) {
      state.set(email(member.user), line('invited', mapped(member.roles)));
      continue;
    }
    const roles = [...rolesBefore(held.get(member.user)), ...mapped(member.roles)];
    if (member.admin) roles.push('admin');
    state.set(email(member.user), line('member', roles));
  }
  return state;
}
const ROLE_NAMES = ['developer', 'viewer', 'support'] as const;

function sourceOf(scenario: Scenario) {
  const source = createMemoryAdapter({ name: 'source' });
  const s = source.store;
  for (const role of ROLES) s.addRole({ id: `r-${role}`, name: role });
  s.addOrganization({ id: 'so', name: 'org-0' });
  for (let user = 0; user < scenario.users; user++) s.addUser({ id: `s${user}`, email: email(user) });
  for (const member of scenario.source) {
    const record = s.membership('so', `s${member.user}`);
    record.kinds.add('member');
    if (member.admin) record.kinds.add('admin');
    for (const role of member.roles) record.roleIds.add(`r-${role}`);
  }
  return createDirectory(source);
}

/** Plans and applies once plainly, once under faults with a kill and a resume; returns both end states. */
async function bothRuns(
  scenario: Scenario,
  mapping: RoleMappingInput,
  world: () => Promise<{
    target: Directory;
    /** The same target through a client that does not retry: injected faults become failures. */
    fragile: Directory;
    state: () => string;
    /** The target in the model's terms. */
    observe: () => ModelState;
    faults: (on: boolean) => void;
    close: () => Promise<unknown>;
  }>,
  folder: string,
): Promise<{ plain: string; resumed: string; observed: ModelState }> {
  const source = sourceOf(scenario);
  const plain = await world();
  const resumedWorld = await world();
  try {
    const plan = await planMigration({ source, target: plain.target, mapping });
    const result = await applyMigration(plan, { target: plain.target });
    expect([result.failed, result.blocked]).toEqual([[], []]);
    expect((await planMigration({ source, target: plain.target, mapping })).operations).toEqual([]);

    const plan2 = await planMigration({ source, target: resumedWorld.target, mapping });
    expect(plan2.operations).toEqual(plan.operations);
    const journal = join(folder, `j-${Math.random().toString(36).slice(2)}.ndjson`);
    resumedWorld.faults(true);
    const controller = new AbortController();
    let done = 0;
    // The first run fails (no retries) and is killed part-way; the resume runs fault-free.
    await applyMigration(plan2, {
      target: resumedWorld.fragile,
      journal,
      concurrency: 2,
      signal: controller.signal,
      onProgress: () => {
        if (++done >= scenario.killAfter) controller.abort();
      },
    }).catch((error: unknown) => {
      if (!OrgPortError.is(error, 'cancelled')) throw error;
    });
    resumedWorld.faults(false);
    const resumed = await applyMigration(plan2, { target: resumedWorld.target, journal, resume: true });
    expect([resumed.failed, resumed.blocked]).toEqual([[], []]);
    expect((await planMigration({ source, target: resumedWorld.target, mapping })).operations).toEqual([]);
    return { plain: plain.state(), resumed: resumedWorld.state(), observed: plain.observe() };
  } finally {
    await Promise.all([plain.close(), resumedWorld.close()]);
  }
}

const FAULTS = (seed: number) => ({ seed, rateLimit: 0.1, serverError: 0.1, reset: 0.1 });
const transport = (clock: ReturnType<typeof createVirtualClock>, maxRetries = 10) => ({
  retry: { maxRetries, baseDelayMs: 2, maxDelayMs: 20 },
  clock,
});
const folder = mkdtempSync(join(tmpdir(), 'orgport-model-sim-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('migration into each simulator over generated tenants', () => {
  it('memory → cloud-org: a killed, faulted, resumed run ends like an unbroken one', async () => {
    const mapping: RoleMappingInput = {
      unmapped: 'warn',
      rules: [
        { from: { role: 'editor' }, to: [{ product: '*', group: 'Developers' }] },
        { from: { role: 'viewer' }, to: [{ product: '*', group: 'Viewers' }] },
      ],
    };
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const world = async () => {
          const clock = createVirtualClock();
          const sim: CloudOrgSimulator = await startCloudOrgSimulator({
            seed: 4,
            clock,
            quirks: { listCaller: false },
          });
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
          const cloudOrg = (retries?: number) =>
            createDirectory(
              createCloudOrgAdapter({
                baseUrl: sim.url,
                username: sim.username,
                password: sim.password,
                http: transport(clock, retries),
              }),
            );
          const target = cloudOrg();
          const fragile = cloudOrg(0);
          const observe = (): ModelState => {
            const state: ModelState = new Map();
            const product = (id: string) => store.products.get(id)?.name ?? id;
            const group = (id: number) => store.groups.get(id)?.name ?? String(id);
            for (const [userId, m] of store.memberships.get(org.organizationId) ?? []) {
              if (userId === sim.callerId) continue;
              const groups = [...m.groups].map(([p, g]) => `${product(p)}/${group(g)}`).sort();
              state.set(
                store.users.get(userId)?.email ?? userId,
                `member admin=${m.isAdmin} ${groups.join(',')}`,
              );
            }
            for (const invitation of store.invitations.values())
              state.set(
                invitation.email,
                `invited ${product(invitation.productId)}/${group(invitation.permissionGroupId)}`,
              );
            return state;
          };
          return {
            target,
            fragile,
            observe,
            state: () => store.dump(),
            faults: (on: boolean) => sim.faults.configure(on ? FAULTS(scenario.faultSeed) : {}),
            close: () => Promise.all([target.close(), fragile.close(), sim.close()]),
          };
        };
        const { plain, resumed, observed } = await bothRuns(scenario, mapping, world, folder);
        expect(observed).toEqual(cloudOrgModel(scenario));
        expect(resumed).toBe(plain);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);

  it('memory → Auth0: a killed, faulted, resumed run ends like an unbroken one', async () => {
    const mapping: RoleMappingInput = {
      unmapped: 'warn',
      rules: [
        { from: { role: 'editor' }, to: [{ role: 'developer' }] },
        { from: { role: 'viewer' }, to: [{ role: 'viewer' }] },
      ],
    };
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const world = async () => {
          const clock = createVirtualClock();
          const sim: Auth0Simulator = await startAuth0Simulator({ seed: 4, clock });
          const { store } = sim;
          const roles = ['developer', 'viewer', 'support'].map((name) => store.addRole(name));
          const admin =
            [...store.roles.values()].find((role) => role.name === 'admin') ?? store.addRole('admin');
          // The organization exists only when some target member is given: otherwise the plan creates it.
          const org = scenario.target.length > 0 ? store.addOrganization({ name: 'org-0' }) : undefined;
          for (let user = 0; user < scenario.users; user++) {
            if (!scenario.onTarget[user]) continue;
            const created = store.addUser({ email: email(user) });
            const member = scenario.target.find((m) => m.user === user);
            if (!member || !org) continue;
            store.addMember(org.id, created.user_id);
            store.rolesOf(org.id, created.user_id).add((roles[member.group] ?? roles[0])?.id as string);
            if (member.admin) store.rolesOf(org.id, created.user_id).add(admin.id);
          }
          const auth0 = (retries?: number) =>
            createDirectory(
              createAuth0Adapter({
                baseUrl: sim.url,
                clientId: sim.clientId,
                clientSecret: sim.clientSecret,
                http: transport(clock, retries),
              }),
            );
          const target = auth0();
          const fragile = auth0(0);
          const state = () =>
            JSON.stringify(
              [...store.organizations.values()].map((organization) => [
                organization.name,
                store
                  .memberIds(organization.id)
                  .map((userId) => [
                    store.users.get(userId)?.email,
                    [...store.rolesOf(organization.id, userId)].map((id) => store.roles.get(id)?.name).sort(),
                  ])
                  .sort(),
                [...(store.invitations.get(organization.id)?.values() ?? [])]
                  .map((i) => i.invitee.email)
                  .sort(),
              ]),
            );
          const observe = (): ModelState => {
            const modelState: ModelState = new Map();
            const roleName = (id: string) => store.roles.get(id)?.name ?? id;
            modelState.set('organizations', [...store.organizations.values()].map((o) => o.name).join(','));
            for (const organization of store.organizations.values()) {
              for (const userId of store.memberIds(organization.id))
                modelState.set(
                  store.users.get(userId)?.email ?? userId,
                  `member ${[...store.rolesOf(organization.id, userId)].map(roleName).sort().join(',')}`,
                );
              for (const invitation of store.invitations.get(organization.id)?.values() ?? [])
                modelState.set(
                  invitation.invitee.email,
                  `invited ${(invitation.roles ?? []).map(roleName).sort().join(',')}`,
                );
            }
            return modelState;
          };
          return {
            target,
            fragile,
            state,
            observe,
            faults: (on: boolean) => sim.faults.configure(on ? FAULTS(scenario.faultSeed) : {}),
            close: () => Promise.all([target.close(), fragile.close(), sim.close()]),
          };
        };
        const { plain, resumed, observed } = await bothRuns(scenario, mapping, world, folder);
        expect(observed).toEqual(auth0Model(scenario));
        expect(resumed).toBe(plain);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);
});
