import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createWorkOSAdapter } from '@orgport/adapter-workos';
import { createDirectory, type Directory, OrgPortError } from '@orgport/core';
import { createVirtualClock } from '@orgport/core/driver';
import { applyMigration, type Loss, planMigration, type RoleMappingInput } from '@orgport/migrate';
import { type Auth0Simulator, startAuth0Simulator } from '@orgport/simulator-auth0';
import { startWorkOSSimulator, type WorkOSSimulator } from '@orgport/simulator-workos';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

// Migration Auth0 → WorkOS and WorkOS → Auth0 over generated tenants, with the real
// adapters on both simulators: an unbroken run, and a run under injected 429/5xx/resets
// that is killed part-way and resumed, end in the same target state; a re-plan afterwards
// finds nothing to do; and what WorkOS cannot hold (billing managers, a second role on a
// single-role environment) or what is not carried (inactive memberships) is in the loss
// report, member by member, exactly where the model says.

const ROLES = ['viewer', 'editor', 'auditor'] as const;
type Role = (typeof ROLES)[number];
interface SourceMember {
  readonly user: number;
  readonly roles: readonly Role[];
  readonly admin: boolean;
  readonly billing: boolean;
  readonly inactive: boolean;
}
interface Scenario {
  readonly users: number;
  readonly onTarget: readonly boolean[];
  readonly source: readonly SourceMember[];
  readonly target: readonly { user: number; admin: boolean; role: number }[];
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
          billing: fc.boolean(),
          inactive: fc.boolean(),
        }),
        { maxLength: users },
      )
      .map((members) => uniqueBy(members, (m) => m.user)),
    target: fc
      .array(
        fc.record({
          user: fc.integer({ min: 0, max: users - 1 }),
          admin: fc.boolean(),
          role: fc.integer({ min: 0, max: 2 }),
        }),
        { maxLength: users },
      )
      .map((members) => uniqueBy(members, (m) => m.user)),
    killAfter: fc.integer({ min: 0, max: 8 }),
    faultSeed: fc.integer({ min: 1, max: 1000 }),
  }),
);
const email = (user: number) => `user${user}@example.com`;
const FAULTS = (seed: number) => ({ seed, rateLimit: 0.1, serverError: 0.1, reset: 0.1 });
const transport = (clock: ReturnType<typeof createVirtualClock>, maxRetries = 10) => ({
  retry: { maxRetries, baseDelayMs: 2, maxDelayMs: 20 },
  clock,
});

interface World {
  readonly target: Directory;
  /** The same target through a client that does not retry: injected faults become failures. */
  readonly fragile: Directory;
  readonly state: () => string;
  readonly faults: (on: boolean) => void;
  readonly close: () => Promise<unknown>;
}

/** Plans and applies once plainly, once under faults with a kill and a resume; returns both end states and the losses. */
async function bothRuns(
  source: Directory,
  mapping: RoleMappingInput,
  world: () => Promise<World>,
  killAfter: number,
  folder: string,
): Promise<{ plain: string; resumed: string; losses: readonly Loss[] }> {
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
    await applyMigration(plan2, {
      target: resumedWorld.fragile,
      journal,
      concurrency: 2,
      signal: controller.signal,
      onProgress: () => {
        if (++done >= killAfter) controller.abort();
      },
    }).catch((error: unknown) => {
      if (!OrgPortError.is(error, 'cancelled')) throw error;
    });
    resumedWorld.faults(false);
    const resumed = await applyMigration(plan2, { target: resumedWorld.target, journal, resume: true });
    expect([resumed.failed, resumed.blocked]).toEqual([[], []]);
    expect((await planMigration({ source, target: resumedWorld.target, mapping })).operations).toEqual([]);
    return { plain: plain.state(), resumed: resumedWorld.state(), losses: plan.losses };
  } finally {
    await Promise.all([plain.close(), resumedWorld.close()]);
  }
}

const lossesOf = (losses: readonly Loss[], user: number) =>
  losses.filter((loss) => loss.email === email(user)).map((loss) => `${loss.item}: ${loss.reason}`);

const folder = mkdtempSync(join(tmpdir(), 'orgport-workos-migration-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('migration between Auth0 and WorkOS over generated tenants', () => {
  it('Auth0 → WorkOS: a killed, faulted, resumed run ends like an unbroken one; billing managers and second roles are reported', async () => {
    const mapping: RoleMappingInput = {
      unmapped: 'warn',
      rules: [
        { from: { role: 'editor' }, to: [{ role: 'developer' }] },
        { from: { role: 'viewer' }, to: [{ role: 'viewer' }] },
      ],
    };
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        // The source: an Auth0 tenant (inactive does not exist there).
        const auth0: Auth0Simulator = await startAuth0Simulator({ seed: 4 });
        const { store } = auth0;
        const roleIds = new Map<string, string>();
        for (const name of [...ROLES, 'admin', 'billing_manager']) roleIds.set(name, store.addRole(name).id);
        const org = store.addOrganization({ name: 'org-0' });
        for (const member of scenario.source) {
          const user = store.addUser({ email: email(member.user) });
          store.addMember(org.id, user.user_id);
          const held = store.rolesOf(org.id, user.user_id);
          for (const role of member.roles) held.add(roleIds.get(role) as string);
          if (member.admin) held.add(roleIds.get('admin') as string);
          if (member.billing) held.add(roleIds.get('billing_manager') as string);
        }
        const source = createDirectory(
          createAuth0Adapter({
            baseUrl: auth0.url,
            clientId: auth0.clientId,
            clientSecret: auth0.clientSecret,
          }),
        );
        const world = async (): Promise<World> => {
          const clock = createVirtualClock();
          const sim: WorkOSSimulator = await startWorkOSSimulator({ clock, apiKeys: ['sk_test_target'] });
          const roles = ['developer', 'viewer', 'support'];
          for (const slug of roles) sim.store.addRole({ slug, name: slug });
          const target = sim.store.addOrganization({ name: 'org-0', external_id: 'org-0' });
          for (let user = 0; user < scenario.users; user++) {
            if (!scenario.onTarget[user]) continue;
            const created = sim.store.addUser({ email: email(user) });
            const member = scenario.target.find((m) => m.user === user);
            if (member)
              sim.store.addMembership(target.id, created.id, [
                member.admin ? 'admin' : (roles[member.role] as string),
              ]);
          }
          const workos = (retries?: number) =>
            createDirectory(
              createWorkOSAdapter({
                apiKey: 'sk_test_target',
                baseUrl: sim.url,
                http: transport(clock, retries),
              }),
            );
          const directory = workos();
          const fragile = workos(0);
          return {
            target: directory,
            fragile,
            state: () => sim.store.dump(),
            faults: (on) => sim.faults.configure(on ? FAULTS(scenario.faultSeed) : {}),
            close: () => Promise.all([directory.close(), fragile.close(), sim.close()]),
          };
        };
        try {
          const { plain, resumed, losses } = await bothRuns(
            source,
            mapping,
            world,
            scenario.killAfter,
            folder,
          );
          expect(resumed).toBe(plain);
          // The model: what each source member loses on a single-role WorkOS environment.
          for (const member of scenario.source) {
            const lost = lossesOf(losses, member.user);
            expect(lost.includes('kind billing_manager: the target cannot grant billing_manager')).toBe(
              member.billing,
            );
            const mapped = member.roles.filter((role) => role === 'editor' || role === 'viewer');
            // Two mapped roles, one kept (the first rule's); moot for an admin, whose role is admin.
            expect(
              lost.some((line) =>
                /one role per member; rule .* came first and keeps role developer/.test(line),
              ),
            ).toBe(!member.admin && mapped.length === 2);
            // A member the target already holds keeps the target's role when it differs.
            const held = targetHolds(scenario, member)
              ? scenario.target.find((m) => m.user === member.user)
              : undefined;
            const kept = member.roles.includes('editor')
              ? 'developer'
              : member.roles.includes('viewer')
                ? 'viewer'
                : undefined;
            const heldRole = held ? ['developer', 'viewer', 'support'][held.role] : undefined;
            expect(lost.some((line) => /and the member already holds/.test(line))).toBe(
              held !== undefined && !held.admin && !member.admin && kept !== undefined && kept !== heldRole,
            );
            if (member.roles.includes('auditor')) expect(lost).toContain('role auditor: no mapping rule');
          }
        } finally {
          await source.close();
          await auth0.close();
        }
      }),
      { numRuns: 10 },
    );
  }, 180_000);

  it('WorkOS → Auth0: a killed, faulted, resumed run ends like an unbroken one; inactive memberships are reported, not carried', async () => {
    const mapping: RoleMappingInput = {
      unmapped: 'warn',
      rules: [
        { from: { role: 'editor' }, to: [{ role: 'developer' }] },
        { from: { role: 'viewer' }, to: [{ role: 'viewer' }] },
      ],
    };
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        // The source: a single-role WorkOS environment (an admin's role is admin; else the first role).
        const workos = await startWorkOSSimulator({ apiKeys: ['sk_test_source'], rateLimits: false });
        for (const role of ROLES) workos.store.addRole({ slug: role, name: role });
        const org = workos.store.addOrganization({ name: 'Org Zero', external_id: 'org-0' });
        for (const member of scenario.source) {
          const user = workos.store.addUser({ email: email(member.user) });
          const role = member.admin ? 'admin' : (member.roles[0] ?? 'member');
          workos.store.addMembership(org.id, user.id, [role], member.inactive ? 'inactive' : 'active');
        }
        const source = createDirectory(
          createWorkOSAdapter({ apiKey: 'sk_test_source', baseUrl: workos.url }),
        );
        const world = async (): Promise<World> => {
          const clock = createVirtualClock();
          const sim: Auth0Simulator = await startAuth0Simulator({ seed: 4, clock });
          const { store } = sim;
          const roles = ['developer', 'viewer', 'support'].map((name) => store.addRole(name));
          const admin =
            [...store.roles.values()].find((role) => role.name === 'admin') ?? store.addRole('admin');
          const target = scenario.target.length > 0 ? store.addOrganization({ name: 'org-0' }) : undefined;
          for (let user = 0; user < scenario.users; user++) {
            if (!scenario.onTarget[user]) continue;
            const created = store.addUser({ email: email(user) });
            const member = scenario.target.find((m) => m.user === user);
            if (!member || !target) continue;
            store.addMember(target.id, created.user_id);
            store.rolesOf(target.id, created.user_id).add((roles[member.role] ?? roles[0])?.id as string);
            if (member.admin) store.rolesOf(target.id, created.user_id).add(admin.id);
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
          const directory = auth0();
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
          return {
            target: directory,
            fragile,
            state,
            faults: (on) => sim.faults.configure(on ? FAULTS(scenario.faultSeed) : {}),
            close: () => Promise.all([directory.close(), fragile.close(), sim.close()]),
          };
        };
        try {
          const { plain, resumed, losses } = await bothRuns(
            source,
            mapping,
            world,
            scenario.killAfter,
            folder,
          );
          expect(resumed).toBe(plain);
          for (const member of scenario.source) {
            const lost = lossesOf(losses, member.user);
            expect(lost.includes('membership: the membership is inactive on the source; not carried')).toBe(
              member.inactive,
            );
          }
          // Nothing inactive reached the target.
          for (const member of scenario.source.filter((m) => m.inactive && !targetHolds(scenario, m)))
            expect(plain).not.toContain(email(member.user));
        } finally {
          await source.close();
          await workos.close();
        }
      }),
      { numRuns: 10 },
    );
  }, 180_000);
});

/** Whether the target already holds the member (then its role stays as the target has it). */
function targetHolds(scenario: Scenario, member: SourceMember): boolean {
  return scenario.onTarget[member.user] === true && scenario.target.some((m) => m.user === member.user);
}
