import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createClerkAdapter } from '@orgport/adapter-clerk';
import { createDirectory } from '@orgport/core';
import { createVirtualClock } from '@orgport/core/driver';
import type { RoleMappingInput } from '@orgport/migrate';
import { type Auth0Simulator, startAuth0Simulator } from '@orgport/simulator-auth0';
import { type ClerkSimulator, startClerkSimulator } from '@orgport/simulator-clerk';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bothRuns,
  clerkSource,
  email,
  FAULTS,
  MODEL_RUNS,
  MODEL_SEED,
  ROLES,
  type Scenario,
  scenarioArb,
  type TargetWorld,
  transport,
} from './migration-model-support.js';

// Migration to and from Clerk (one role per member) over generated tenants, in the
// model-based oracle: an unbroken run and a faulted run killed part-way and resumed end
// alike, nothing is left to plan, and Auth0 → Clerk ends exactly where a model of the
// mapping says, with every member who held several roles in the loss report beside the
// rule that kept one.

console.log(
  `migration-model-clerk: seed ${MODEL_SEED}, ${MODEL_RUNS} runs per direction (ORGPORT_MODEL_SEED, ORGPORT_MODEL_RUNS)`,
);
const folder = mkdtempSync(join(tmpdir(), 'orgport-model-clerk-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Clerk's target roles: key and name, by the scenario's group index. */
const CLERK_ROLES = [
  { key: 'org:developer', name: 'Developer' },
  { key: 'org:viewer', name: 'Viewer' },
  { key: 'org:support', name: 'Support' },
] as const;

const AUTH0_TO_CLERK: RoleMappingInput = {
  unmapped: 'warn',
  rules: [
    { from: { role: 'editor' }, to: [{ role: 'Developer' }] },
    { from: { role: 'viewer' }, to: [{ role: 'Viewer' }] },
  ],
};
const KEPT_RULE =
  'the target holds one role per member; rule role editor → role Developer came first and keeps role Developer';

/** The source: an Auth0 simulator holding the scenario's members, roles and admins. */
async function auth0Source(scenario: Scenario) {
  const clock = createVirtualClock();
  const sim: Auth0Simulator = await startAuth0Simulator({ seed: 5, clock });
  const { store } = sim;
  const roles = new Map(ROLES.map((role) => [role, store.addRole(role).id]));
  const admin = [...store.roles.values()].find((role) => role.name === 'admin') ?? store.addRole('admin');
  const org = store.addOrganization({ name: 'org-0' });
  const ids = new Map<number, string>();
  for (let user = 0; user < scenario.users; user++)
    ids.set(user, store.addUser({ email: email(user) }).user_id);
  for (const member of scenario.source) {
    const userId = ids.get(member.user) as string;
    store.addMember(org.id, userId);
    for (const role of member.roles) store.rolesOf(org.id, userId).add(roles.get(role) as string);
    if (member.admin) store.rolesOf(org.id, userId).add(admin.id);
  }
  const directory = createDirectory(
    createAuth0Adapter({
      baseUrl: sim.url,
      clientId: sim.clientId,
      clientSecret: sim.clientSecret,
      http: transport(clock),
    }),
  );
  return { directory, close: () => Promise.all([directory.close(), sim.close()]) };
}

/** A Clerk simulator as the target: its roles, the scenario's target users and members. */
async function clerkTarget(scenario: Scenario): Promise<TargetWorld> {
  const clock = createVirtualClock();
  const sim: ClerkSimulator = await startClerkSimulator({ seed: 6, clock });
  const { store } = sim;
  for (const role of CLERK_ROLES) store.addRole(role.key, role.name);
  // The organization exists only when some target member is given: otherwise the plan creates it.
  const org =
    scenario.target.length > 0 ? store.addOrganization({ name: 'org-0', slug: 'org-0' }) : undefined;
  for (let user = 0; user < scenario.users; user++) {
    if (!scenario.onTarget[user]) continue;
    const created = store.addUser({ email: email(user) });
    const member = scenario.target.find((m) => m.user === user);
    if (!member || !org) continue;
    store.addMembership(
      org.id,
      created.id,
      member.admin ? 'org:admin' : (CLERK_ROLES[member.group]?.key as string),
    );
  }
  const clerk = (retries?: number) =>
    createDirectory(
      createClerkAdapter({ secretKey: sim.secretKey, apiUrl: sim.url, http: transport(clock, retries) }),
    );
  const target = clerk();
  const fragile = clerk(0);
  return {
    target,
    fragile,
    state: () => clerkState(sim),
    faults: (on) => sim.faults.configure(on ? FAULTS(scenario.faultSeed) : {}),
    close: () => Promise.all([target.close(), fragile.close(), sim.close()]),
  };
}

/** A Clerk instance's organizations: slug, members' emails and roles, pending invitations. */
function clerkState(sim: ClerkSimulator): string {
  const { store } = sim;
  return JSON.stringify(
    [...store.organizations.values()].map((org) => ({
      slug: org.slug,
      members: [...(store.memberships.get(org.id)?.values() ?? [])]
        .map((m) => [store.users.get(m.userId)?.email ?? m.userId, m.role])
        .sort(),
      invitations: [...store.invitations.values()]
        .filter((i) => i.organizationId === org.id && i.status === 'pending')
        .map((i) => [i.email, i.role])
        .sort(),
    })),
  );
}

/**
 * The model: where Auth0 → Clerk must end. A source admin becomes `org:admin`; a Clerk
 * member keeps the one role they hold (no prune: a different mapped role is reported, not
 * overwritten); a new member gets the role of the first rule that maps one (editor before
 * viewer; auditor has no rule), else `org:member`; a user Clerk lacks is invited into the
 * mapped role, or not at all without one.
 */
function expectedClerk(scenario: Scenario): string {
  const members: [string, string][] = [];
  const invitations: [string, string][] = [];
  for (let user = 0; user < scenario.users; user++) {
    const source = scenario.source.find((m) => m.user === user);
    const target = scenario.onTarget[user] ? scenario.target.find((m) => m.user === user) : undefined;
    const mapped = source?.roles.includes('editor')
      ? 'org:developer'
      : source?.roles.includes('viewer')
        ? 'org:viewer'
        : undefined;
    const held = target && (target.admin ? 'org:admin' : (CLERK_ROLES[target.group]?.key as string));
    if (!scenario.onTarget[user]) {
      if (source && mapped) invitations.push([email(user), mapped]);
      continue;
    }
    if (!source) {
      if (held) members.push([email(user), held]);
      continue;
    }
    if (source.admin || target?.admin) members.push([email(user), 'org:admin']);
    // A Clerk member keeps the role they hold: a different mapped one is reported, never overwritten.
    else members.push([email(user), held ?? mapped ?? 'org:member']);
  }
  return JSON.stringify([{ slug: 'org-0', members: members.sort(), invitations: invitations.sort() }]);
}

describe('migration to and from Clerk over generated tenants', () => {
  it('Auth0 → Clerk: killed, faulted and resumed ends like an unbroken run and like the model; several roles are reported with the rule that kept one', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const source = await auth0Source(scenario);
        try {
          const { plain, resumed, plan } = await bothRuns(
            source.directory,
            scenario,
            AUTH0_TO_CLERK,
            () => clerkTarget(scenario),
            folder,
          );
          expect(resumed).toBe(plain);
          expect(JSON.parse(plain)).toEqual(JSON.parse(expectedClerk(scenario)));
          // An admin holds org:admin, which implies every permission: neither role is kept, none lost.
          const several = scenario.source.filter(
            (m) => !m.admin && m.roles.includes('editor') && m.roles.includes('viewer'),
          );
          const reported = plan.losses.filter((loss) => loss.reason === KEPT_RULE);
          expect(reported.map((loss) => [loss.email, loss.item]).sort()).toEqual(
            several.map((m) => [email(m.user), 'role viewer']).sort(),
          );
          // A held role the mapping would change is in the report too, not silently replaced.
          for (const member of scenario.source) {
            const held =
              scenario.onTarget[member.user] && scenario.target.find((t) => t.user === member.user);
            const mapped = member.roles.includes('editor')
              ? 0
              : member.roles.includes('viewer')
                ? 1
                : undefined;
            if (!held || held.admin || member.admin || mapped === undefined || mapped === held.group)
              continue;
            expect(plan.losses.some((loss) => loss.email === email(member.user))).toBe(true);
          }
        } finally {
          await source.close();
        }
      }),
      { numRuns: MODEL_RUNS, seed: MODEL_SEED },
    );
  }, 120_000);

  it('Clerk → Auth0: killed, faulted and resumed ends like an unbroken run, each member with their one role carried', async () => {
    const mapping: RoleMappingInput = {
      unmapped: 'warn',
      rules: [
        { from: { role: 'editor' }, to: [{ role: 'developer' }] },
        { from: { role: 'viewer' }, to: [{ role: 'viewer' }] },
      ],
    };
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        // The source is Clerk: each member holds one role (admin, else the first of theirs).
        const { directory: source, close: closeSource } = await clerkSource(scenario);
        const world = async (): Promise<TargetWorld> => {
          const targetClock = createVirtualClock();
          const sim = await startAuth0Simulator({ seed: 8, clock: targetClock });
          const { store } = sim;
          const roles = ['developer', 'viewer', 'support'].map((name) => store.addRole(name));
          const admin =
            [...store.roles.values()].find((role) => role.name === 'admin') ?? store.addRole('admin');
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
          const directory = (retries?: number) =>
            createDirectory(
              createAuth0Adapter({
                baseUrl: sim.url,
                clientId: sim.clientId,
                clientSecret: sim.clientSecret,
                http: transport(targetClock, retries),
              }),
            );
          const target = directory();
          const fragile = directory(0);
          return {
            target,
            fragile,
            state: () =>
              JSON.stringify(
                [...store.organizations.values()].map((organization) => [
                  organization.name,
                  store
                    .memberIds(organization.id)
                    .map((userId) => [
                      store.users.get(userId)?.email,
                      [...store.rolesOf(organization.id, userId)]
                        .map((id) => store.roles.get(id)?.name)
                        .sort(),
                    ])
                    .sort(),
                  [...(store.invitations.get(organization.id)?.values() ?? [])]
                    .map((i) => i.invitee.email)
                    .sort(),
                ]),
              ),
            faults: (on) => sim.faults.configure(on ? FAULTS(scenario.faultSeed) : {}),
            close: () => Promise.all([target.close(), fragile.close(), sim.close()]),
          };
        };
        try {
          const { plain, resumed, plan } = await bothRuns(source, scenario, mapping, world, folder);
          expect(resumed).toBe(plain);
          // One role per member on the source: nothing is lost to "one role" on the way out.
          expect(plan.losses.filter((loss) => loss.reason.includes('one role per member'))).toEqual([]);
          // Every source member on the target ends a member, an admin exactly where either side made them one.
          const end = JSON.parse(plain) as [string, [string, string[]][], string[]][];
          const members = new Map((end[0]?.[1] ?? []).map(([who, roleNames]) => [who, roleNames]));
          for (const member of scenario.source) {
            if (!scenario.onTarget[member.user]) continue;
            const roleNames = members.get(email(member.user));
            expect(roleNames).toBeDefined();
            const targetAdmin = scenario.target.some((t) => t.user === member.user && t.admin);
            expect(roleNames?.includes('admin')).toBe(member.admin || targetAdmin);
          }
        } finally {
          await closeSource();
        }
      }),
      { numRuns: MODEL_RUNS, seed: MODEL_SEED },
    );
  }, 120_000);
});
