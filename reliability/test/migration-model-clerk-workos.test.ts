import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Loss, RoleMappingInput } from '@orgport/migrate';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bothRuns,
  clerkSource,
  email,
  MODEL_RUNS,
  MODEL_SEED,
  type Scenario,
  scenarioArb,
  WORKOS_ROLES,
  workosTarget,
} from './migration-model-support.js';

// Clerk → WorkOS over generated tenants, in the model-based oracle: our Clerk simulator as
// the source (one role per member), a single-role WorkOS environment on our simulator as the
// target. An unbroken run and a faulted run killed part-way and resumed end alike, nothing is
// left to plan, the end state is exactly where a model of the mapping says, and the loss
// report holds exactly what the model says is lost — and nothing Clerk cannot hold (billing
// managers, a second role).

console.log(
  `migration-model-clerk-workos: seed ${MODEL_SEED}, ${MODEL_RUNS} runs (ORGPORT_MODEL_SEED, ORGPORT_MODEL_RUNS)`,
);
const folder = mkdtempSync(join(tmpdir(), 'orgport-model-clerk-workos-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const CLERK_TO_WORKOS: RoleMappingInput = {
  unmapped: 'warn',
  rules: [
    { from: { role: 'editor' }, to: [{ role: 'developer' }] },
    { from: { role: 'viewer' }, to: [{ role: 'viewer' }] },
  ],
};

/** The WorkOS role a source member's one Clerk role maps to (admins aside). */
const mappedRole = (member: Scenario['source'][number]): string | undefined => {
  if (member.admin) return undefined;
  if (member.roles[0] === 'editor') return 'developer';
  if (member.roles[0] === 'viewer') return 'viewer';
  return undefined;
};

/** What the target already holds for a user: its role slug, or undefined. */
const heldRole = (scenario: Scenario, user: number): string | undefined => {
  const held = scenario.onTarget[user] ? scenario.target.find((m) => m.user === user) : undefined;
  if (!held) return undefined;
  return held.admin ? 'admin' : (WORKOS_ROLES[held.group] as string);
};

/**
 * The model: where Clerk → WorkOS must end (the simulator's dump). A Clerk admin is a
 * WorkOS admin; a WorkOS member keeps the one role they hold unless the source makes them an
 * admin (a different mapped role is reported, never overwritten); a new member gets their
 * mapped role, else WorkOS's default `member`; a user WorkOS lacks is invited into the
 * mapped role, or not at all without one.
 */
function expectedWorkOS(scenario: Scenario): unknown {
  const members: [string, string, string[]][] = [];
  const invitations: [string, string | null][] = [];
  for (let user = 0; user < scenario.users; user++) {
    const source = scenario.source.find((m) => m.user === user);
    const held = heldRole(scenario, user);
    const mapped = source && mappedRole(source);
    if (!scenario.onTarget[user]) {
      if (source) invitations.push([email(user), mapped ?? null]);
      continue;
    }
    if (!source) {
      if (held) members.push([email(user), 'active', [held]]);
      continue;
    }
    const role = source.admin ? 'admin' : (held ?? mapped ?? 'member');
    members.push([email(user), 'active', [role]]);
  }
  return [['org-0', members.sort(), invitations.sort()]];
}

/** Each user's losses as `item: reason` lines. */
const lossesOf = (losses: readonly Loss[], user: number) =>
  losses.filter((loss) => loss.email === email(user)).map((loss) => `${loss.item}: ${loss.reason}`);

describe('migration Clerk → WorkOS over generated tenants', () => {
  it('Clerk → WorkOS: killed, faulted and resumed ends like an unbroken run and like the model; the loss report is exactly the model’s', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const source = await clerkSource(scenario);
        try {
          const { plain, resumed, plan } = await bothRuns(
            source.directory,
            scenario,
            CLERK_TO_WORKOS,
            () => workosTarget(scenario),
            folder,
          );
          expect(resumed).toBe(plain);
          expect(JSON.parse(plain)).toEqual(expectedWorkOS(scenario));

          // Clerk holds one role per member and no billing managers: neither can be lost.
          const cannotBeLost = (reason: string) =>
            /billing/.test(reason) || (/one role per member/.test(reason) && !/already holds/.test(reason));
          expect(plan.losses.filter((loss) => cannotBeLost(loss.reason))).toEqual([]);
          for (let user = 0; user < scenario.users; user++) {
            const member = scenario.source.find((m) => m.user === user);
            const lost = lossesOf(plan.losses, user);
            if (!member) {
              expect(lost).toEqual([]);
              continue;
            }
            const expected: string[] = [];
            // The one Clerk role has no rule: reported as such.
            if (!member.admin && member.roles[0] === 'auditor')
              expected.push('role auditor: no mapping rule');
            // An admin WorkOS lacks is invited; the admin role waits for the acceptance.
            if (member.admin && !scenario.onTarget[user])
              expected.push('kind admin: granted once the invitation is accepted (re-plan then)');
            const lines = lost.filter((line) => !/and the member already holds/.test(line));
            expect(lines.sort()).toEqual(expected.sort());
            // A role the target holds that the mapping would change is reported, not replaced.
            const held = heldRole(scenario, user);
            const mapped = mappedRole(member);
            expect(lost.some((line) => /and the member already holds/.test(line))).toBe(
              held !== undefined && held !== 'admin' && mapped !== undefined && mapped !== held,
            );
          }
        } finally {
          await source.close();
        }
      }),
      { numRuns: MODEL_RUNS, seed: MODEL_SEED },
    );
  }, 120_000);
});
