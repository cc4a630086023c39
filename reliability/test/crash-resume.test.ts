import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { DEMO_MAPPING } from '@orgport/cli';
import { createDirectory } from '@orgport/core';
import { applyMigration, type MigrationPlan } from '@orgport/migrate';
import { startAuth0Simulator } from '@orgport/simulator-auth0';
import {
  type CloudOrgSimulator,
  seedHalfOnboarded,
  startCloudOrgSimulator,
} from '@orgport/simulator-cloud-org';
import { fixtures, SeededRandom } from '@orgport/testkit';
import { describe, expect, it } from 'vitest';
import { cliFolder } from './cli-folder.js';

// Kills the real `orgport migrate` process with SIGKILL at random journal points, resumes,
// and compares the target with an unbroken run — over several seeds.
const BIN = resolve(import.meta.dirname, '../../packages/cli/dist/bin.js');
const data = fixtures({ seed: 13, organizations: 2, membersPerOrg: 80 });

const state = (sim: CloudOrgSimulator) => sim.store.dump();

async function world(latencyMs: number) {
  const auth0 = await startAuth0Simulator({ seed: 13, fixtures: data });
  const cloud = await startCloudOrgSimulator({ seed: 13, latencyMs });
  seedHalfOnboarded(cloud, data);
  return { auth0, cloud, close: () => Promise.all([auth0.close(), cloud.close()]) };
}

function migrate(
  dir: string,
  config: string,
  args: string[],
  secret: string,
  onStart?: (child: ChildProcess) => void,
): Promise<number | null> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [
        BIN,
        '--config',
        config,
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
      {
        cwd: dir,
        env: { PATH: process.env.PATH, CLOUD_PASSWORD: secret },
        stdio: 'ignore',
      },
    );
    child.on('close', (code) => done(code));
    onStart?.(child);
  });
}

describe('migration crash-resume soak', () => {
  it('ends identical to an unbroken run after SIGKILL at random points, for every seed', async () => {
    if (!existsSync(BIN)) throw new Error('build first: npx tsc -b');
    const reference = await world(0);
    const { planMigration } = await import('@orgport/migrate');
    const { createAuth0Adapter } = await import('@orgport/adapter-auth0');
    const plan: MigrationPlan = await planMigration({
      source: createDirectory(
        createAuth0Adapter({
          baseUrl: reference.auth0.url,
          clientId: reference.auth0.clientId,
          clientSecret: reference.auth0.clientSecret,
        }),
      ),
      target: createDirectory(
        createCloudOrgAdapter({
          baseUrl: reference.cloud.url,
          username: reference.cloud.username,
          password: reference.cloud.password,
        }),
      ),
      mapping: DEMO_MAPPING,
    });
    await applyMigration(plan, {
      target: createDirectory(
        createCloudOrgAdapter({
          baseUrl: reference.cloud.url,
          username: reference.cloud.username,
          password: reference.cloud.password,
        }),
      ),
    });
    const expected = state(reference.cloud);
    await reference.close();

    const seeds = [1, 2, 3, 4, 5];
    const kills: number[] = [];
    for (const seed of seeds) {
      const run = await world(4);
      const dir = cliFolder(run.cloud, plan, 'orgport-crash-');
      const config = join(dir, 'orgport.config.json');
      // Kill once or twice per seed, at random journal sizes.
      const random = new SeededRandom(seed);
      const first = 5 + random.int(plan.operations.length / 2);
      const killAt = [first, first + 10 + random.int(20)];
      let resume: string[] = [];
      for (const target of killAt.slice(0, 1 + (seed % 2))) {
        const journal = join(dir, 'journal.ndjson');
        const code = await migrate(dir, config, resume, run.cloud.password, (child) => {
          const timer = setInterval(() => {
            const lines = existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').length - 2 : 0;
            if (lines >= target) {
              clearInterval(timer);
              child.kill('SIGKILL');
            }
          }, 2);
          child.on('close', () => clearInterval(timer));
        });
        kills.push(target);
        expect(code === null || code === 0).toBe(true);
        resume = ['--resume'];
      }
      expect(await migrate(dir, config, ['--resume'], run.cloud.password)).toBe(0);
      expect(state(run.cloud)).toBe(expected);
      await run.close();
    }
    console.log(
      `crash-resume: ${seeds.length} seeds, killed after journal lines ${kills.join(', ')} of ${plan.operations.length}; every resumed target identical to the unbroken run`,
    );
  }, 120_000);
});
