import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createWorkOSAdapter } from '@orgport/adapter-workos';
import { createDirectory } from '@orgport/core';
import { applyMigration, type MigrationPlan, planMigration, type RoleMappingInput } from '@orgport/migrate';
import { startAuth0Simulator } from '@orgport/simulator-auth0';
import { startWorkOSSimulator, type WorkOSSimulator } from '@orgport/simulator-workos';
import { fixtures, SeededRandom } from '@orgport/testkit';
import { describe, expect, it } from 'vitest';

// Auth0 → WorkOS through the real `orgport migrate` process, SIGKILLed at random journal
// points and resumed: the WorkOS target ends identical to an unbroken run, for every seed.
const BIN = resolve(import.meta.dirname, '../../packages/cli/dist/bin.js');
const data = fixtures({ seed: 13, organizations: 2, membersPerOrg: 60 });
const MAPPING: RoleMappingInput = {
  unmapped: 'warn',
  rules: ['viewer', 'editor', 'developer', 'support'].map((role) => ({ from: { role }, to: [{ role }] })),
};

async function world(latencyMs: number) {
  const auth0 = await startAuth0Simulator({ seed: 13, fixtures: data });
  const workos = await startWorkOSSimulator({ apiKeys: ['sk_test_crash'], rateLimits: false, latencyMs });
  for (const role of data.roles) workos.store.addRole({ slug: role, name: role });
  // Nine in ten of the people already have a WorkOS user; the organizations do not exist yet.
  const seen = new Set<string>();
  for (const org of data.organizations())
    for (const member of data.members(org.index))
      if (!seen.has(member.user.email) && member.user.index % 10 !== 0) {
        seen.add(member.user.email);
        workos.store.addUser({ email: member.user.email });
      }
  return { auth0, workos, close: () => Promise.all([auth0.close(), workos.close()]) };
}

const target = (sim: WorkOSSimulator) =>
  createDirectory(createWorkOSAdapter({ apiKey: 'sk_test_crash', baseUrl: sim.url }));

function migrate(
  dir: string,
  args: string[],
  onStart?: (child: ChildProcess) => void,
): Promise<number | null> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [
        BIN,
        '--config',
        'orgport.config.json',
        'migrate',
        '--to',
        'target',
        '--plan',
        'plan.json',
        '--journal',
        'journal.ndjson',
        '-q',
        ...args,
      ],
      { cwd: dir, env: { PATH: process.env.PATH, WORKOS_KEY: 'sk_test_crash' }, stdio: 'ignore' },
    );
    child.on('close', (code) => done(code));
    onStart?.(child);
  });
}

describe('Auth0 → WorkOS crash-resume soak', () => {
  it('ends identical to an unbroken run after SIGKILL at random points, for every seed', async () => {
    if (!existsSync(BIN)) throw new Error('build first: npx tsc -b');
    const reference = await world(0);
    const source = createDirectory(
      createAuth0Adapter({
        baseUrl: reference.auth0.url,
        clientId: reference.auth0.clientId,
        clientSecret: reference.auth0.clientSecret,
      }),
    );
    const plan: MigrationPlan = await planMigration({
      source,
      target: target(reference.workos),
      mapping: MAPPING,
    });
    // What WorkOS cannot hold is in the report: billing managers and second roles.
    expect(plan.losses.some((loss) => loss.item === 'kind billing_manager')).toBe(true);
    expect(plan.losses.some((loss) => /one role per member/.test(loss.reason))).toBe(true);
    const unbroken = await applyMigration(plan, { target: target(reference.workos) });
    expect(unbroken.failed).toEqual([]);
    const expected = reference.workos.store.dump();
    await source.close();
    await reference.close();

    const kills: number[] = [];
    for (const seed of [1, 2, 3]) {
      const run = await world(3);
      const dir = mkdtempSync(join(tmpdir(), 'orgport-workos-crash-'));
      try {
        writeFileSync(
          join(dir, 'orgport.config.json'),
          JSON.stringify({
            connections: { target: { vendor: 'workos', baseUrl: run.workos.url, apiKey: 'env:WORKOS_KEY' } },
          }),
        );
        writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
        const random = new SeededRandom(seed);
        const killAt = 5 + random.int(plan.operations.length / 2);
        const journal = join(dir, 'journal.ndjson');
        const code = await migrate(dir, [], (child) => {
          const timer = setInterval(() => {
            const lines = existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').length - 2 : 0;
            if (lines >= killAt) {
              clearInterval(timer);
              child.kill('SIGKILL');
            }
          }, 2);
          child.on('close', () => clearInterval(timer));
        });
        kills.push(killAt);
        expect(code === null || code === 0).toBe(true);
        expect(await migrate(dir, ['--resume'])).toBe(0);
        expect(run.workos.store.dump()).toBe(expected);
      } finally {
        await run.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
    console.log(
      `crash-resume Auth0 → WorkOS: killed after journal lines ${kills.join(', ')} of ${plan.operations.length}; every resumed target identical to the unbroken run`,
    );
  }, 120_000);
});
