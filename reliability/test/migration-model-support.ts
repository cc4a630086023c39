import { join } from 'node:path';
import { createClerkAdapter } from '@orgport/adapter-clerk';
import { createWorkOSAdapter } from '@orgport/adapter-workos';
import { createDirectory, type Directory, OrgPortError } from '@orgport/core';
import { createVirtualClock } from '@orgport/core/driver';
import { applyMigration, type MigrationPlan, planMigration, type RoleMappingInput } from '@orgport/migrate';
import { startClerkSimulator } from '@orgport/simulator-clerk';
import { startWorkOSSimulator } from '@orgport/simulator-workos';
import fc from 'fast-check';
import { expect } from 'vitest';

// The model-based migration oracle's shared parts: generated tenants, and one plain run
// beside one faulted run that is killed part-way and resumed.

/** Source role names the generated tenants use. */
export const ROLES = ['viewer', 'editor', 'auditor'] as const;
/** One source role. */
export type Role = (typeof ROLES)[number];

/** A generated tenant: users, the source's members, the target's users and members, when to kill. */
export interface Scenario {
  readonly users: number;
  /** Whether user n exists on the target. */
  readonly onTarget: readonly boolean[];
  readonly source: readonly { user: number; roles: readonly Role[]; admin: boolean }[];
  /** Target members (of users on the target) with the index of a target role (0–2). */
  readonly target: readonly { user: number; admin: boolean; group: number }[];
  readonly killAfter: number;
  readonly faultSeed: number;
}

const uniqueBy = <T>(items: readonly T[], key: (item: T) => number) => {
  const seen = new Set<number>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
};

/** Generated tenants of one to six users. */
export const scenarioArb: fc.Arbitrary<Scenario> = fc.integer({ min: 1, max: 6 }).chain((users) =>
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

// A fixed seed, printed on every run: a failure names its scenario, and the same command
// replays it. ORGPORT_MODEL_SEED explores other scenarios; ORGPORT_MODEL_RUNS runs more.
/** The property runs' seed. */
export const MODEL_SEED = Number(process.env.ORGPORT_MODEL_SEED ?? 20_261_206);
/** Scenarios per property (12 by default: each starts four simulators). */
export const MODEL_RUNS = Number(process.env.ORGPORT_MODEL_RUNS ?? 12);

/** User n's email. */
export const email = (user: number) => `user${user}@example.com`;

/** A target world: the directory, a non-retrying one for the faulted run, its state, faults. */
export interface TargetWorld {
  readonly target: Directory;
  /** The same target through a client that does not retry: injected faults become failures. */
  readonly fragile: Directory;
  state(): string;
  faults(on: boolean): void;
  close(): Promise<unknown>;
}

/** Injected faults of the killed run. */
export const FAULTS = (seed: number) => ({ seed, rateLimit: 0.1, serverError: 0.1, reset: 0.1 });

/** Transport options on a shared virtual clock. */
export const transport = (clock: ReturnType<typeof createVirtualClock>, maxRetries = 10) => ({
  retry: { maxRetries, baseDelayMs: 2, maxDelayMs: 20 },
  clock,
});

/**
 * Plans and applies once plainly, once under faults with a kill and a resume, into two
 * fresh target worlds; checks both end with nothing left to plan, and returns both end
 * states and the plan.
 */
export async function bothRuns(
  source: Directory,
  scenario: Scenario,
  mapping: RoleMappingInput,
  world: () => Promise<TargetWorld>,
  folder: string,
): Promise<{ plain: string; resumed: string; plan: MigrationPlan }> {
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
    return { plain: plain.state(), resumed: resumedWorld.state(), plan };
  } finally {
    await Promise.all([plain.close(), resumedWorld.close()]);
  }
}

/** The one role a Clerk member holds for a scenario's source member: admin, else their first role. */
export const clerkRoleOf = (member: Scenario['source'][number]): string =>
  member.admin ? 'org:admin' : member.roles[0] ? `org:${member.roles[0]}` : 'org:member';

/**
 * A Clerk source on our simulator (virtual clock): roles `org:<role>` named after the
 * scenario's roles, organization `org-0`, every user, and each source member with the one
 * role {@link clerkRoleOf} gives them.
 */
export async function clerkSource(
  scenario: Scenario,
): Promise<{ directory: Directory; close(): Promise<unknown> }> {
  const clock = createVirtualClock();
  const sim = await startClerkSimulator({ seed: 7, clock });
  for (const role of ROLES) sim.store.addRole(`org:${role}`, role);
  const org = sim.store.addOrganization({ name: 'Org 0', slug: 'org-0' });
  const ids = new Map<number, string>();
  for (let user = 0; user < scenario.users; user++)
    ids.set(user, sim.store.addUser({ email: email(user) }).id);
  for (const member of scenario.source)
    sim.store.addMembership(org.id, ids.get(member.user) as string, clerkRoleOf(member));
  const directory = createDirectory(
    createClerkAdapter({ secretKey: sim.secretKey, apiUrl: sim.url, http: transport(clock) }),
  );
  return { directory, close: () => Promise.all([directory.close(), sim.close()]) };
}

/** The WorkOS target's environment roles (slug = name), by the scenario's group index. */
export const WORKOS_ROLES = ['developer', 'viewer', 'support'] as const;

/**
 * A single-role WorkOS environment on our simulator (virtual clock) as the target: its
 * roles, the scenario's target users, and organization `org-0` (external id) with the
 * target members (`admin`, else their group's role) only when some are given: otherwise the
 * plan creates it. The state is the simulator's dump.
 */
export async function workosTarget(scenario: Scenario): Promise<TargetWorld> {
  const clock = createVirtualClock();
  const apiKey = 'sk_test_target';
  const sim = await startWorkOSSimulator({ clock, apiKeys: [apiKey] });
  for (const slug of WORKOS_ROLES) sim.store.addRole({ slug, name: slug });
  const org =
    scenario.target.length > 0
      ? sim.store.addOrganization({ name: 'Org 0', external_id: 'org-0' })
      : undefined;
  for (let user = 0; user < scenario.users; user++) {
    if (!scenario.onTarget[user]) continue;
    const created = sim.store.addUser({ email: email(user) });
    const member = scenario.target.find((m) => m.user === user);
    if (member && org)
      sim.store.addMembership(org.id, created.id, [
        member.admin ? 'admin' : (WORKOS_ROLES[member.group] as string),
      ]);
  }
  const workos = (retries?: number) =>
    createDirectory(createWorkOSAdapter({ apiKey, baseUrl: sim.url, http: transport(clock, retries) }));
  const target = workos();
  const fragile = workos(0);
  return {
    target,
    fragile,
    state: () => sim.store.dump(),
    faults: (on) => sim.faults.configure(on ? FAULTS(scenario.faultSeed) : {}),
    close: () => Promise.all([target.close(), fragile.close(), sim.close()]),
  };
}
