import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { createDirectory } from '@orgport/core';
import { applyMigration, loadSnapshot, type MigrationPlan } from '@orgport/migrate';
import { type Auth0Simulator, startAuth0Simulator } from '@orgport/simulator-auth0';
import {
  type CloudOrgSimulator,
  seedHalfOnboarded,
  startCloudOrgSimulator,
} from '@orgport/simulator-cloud-org';
import { fixtures } from '@orgport/simulator-kit/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MAPPING } from '../src/demo/demo-mapping.js';
import { ORGPORT_BIN, type OrgportRun, runOrgport } from './support/run-orgport.js';

// These tests drive the built binary, as users run it (`tsc -b` runs before the tests).
const BIN = ORGPORT_BIN;
const data = fixtures({ seed: 7, organizations: 2, membersPerOrg: 150 });

interface World {
  auth0: Auth0Simulator;
  cloud: CloudOrgSimulator;
}
async function startWorld(latencyMs = 0): Promise<World> {
  const auth0 = await startAuth0Simulator({ seed: 7, fixtures: data });
  const cloud = await startCloudOrgSimulator({ seed: 7, latencyMs });
  seedHalfOnboarded(cloud, data);
  return { auth0, cloud };
}
const closeWorld = async (world: World) => Promise.all([world.auth0.close(), world.cloud.close()]);

/** Everything the target holds, for comparing two runs. */
const targetState = (sim: CloudOrgSimulator) => sim.store.dump();

let dir: string;
let world: World;
let config: string;
beforeAll(async () => {
  if (!existsSync(BIN))
    throw new Error(`${BIN} is missing: run \`npx tsc -b\` (the test command does) before these tests`);
  dir = mkdtempSync(join(tmpdir(), 'orgport-cli-'));
  world = await startWorld(8);
  config = join(dir, 'orgport.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      connections: {
        source: {
          vendor: 'auth0',
          baseUrl: world.auth0.url,
          clientId: world.auth0.clientId,
          clientSecret: 'env:TEST_AUTH0_SECRET',
        },
        target: {
          vendor: 'cloud-org',
          baseUrl: world.cloud.url,
          username: world.cloud.username,
          password: 'env:TEST_CLOUD_PASSWORD',
        },
      },
    }),
  );
  writeFileSync(join(dir, 'mapping.json'), JSON.stringify(DEMO_MAPPING));
});
afterAll(async () => {
  await closeWorld(world);
});

type Run = OrgportRun;
function orgport(args: string[], onStart?: (child: ChildProcess) => void, configFile = config): Promise<Run> {
  return runOrgport(['--config', configFile, ...args], {
    cwd: dir,
    env: { TEST_AUTH0_SECRET: world.auth0.clientSecret, TEST_CLOUD_PASSWORD: world.cloud.password },
    onStart,
  });
}
const secretsIn = (run: Run) =>
  [world.auth0.clientSecret, world.cloud.password].filter((secret) =>
    `${run.stdout}${run.stderr}`.includes(secret),
  );

describe('orgport CLI, end to end against both simulators', () => {
  it('lists organizations in every output format, and each parses', async () => {
    const json = await orgport(['orgs', 'list', '-c', 'source', '-o', 'json']);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(2);
    const ndjson = await orgport(['orgs', 'list', '-c', 'target', '-o', 'ndjson']);
    expect(
      ndjson.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { name: string })
        .map((o) => o.name)
        .sort(),
    ).toEqual([...data.organizations()].map((o) => o.displayName).sort());
    const csv = await orgport(['orgs', 'list', '-c', 'source', '-o', 'csv']);
    const [header, ...rows] = csv.stdout.trim().split('\n');
    expect(header).toBe('id,name,displayName');
    expect(rows).toHaveLength(2);
    const table = await orgport(['orgs', 'list', '-c', 'source']);
    expect(table.stdout).toContain(data.organization(0).name);
    for (const run of [json, ndjson, csv, table]) expect(secretsIn(run)).toEqual([]);
  });

  it('lists members by kind and streams NDJSON', async () => {
    const org = [...world.auth0.store.organizations.values()][0];
    const admins = await orgport([
      'members',
      'list',
      org?.id as string,
      '--kind',
      'admin',
      '-c',
      'source',
      '-o',
      'json',
    ]);
    const parsed = JSON.parse(admins.stdout) as { kinds: string[] }[];
    expect(parsed.length).toBeGreaterThan(0);
    expect(parsed.every((m) => m.kinds.includes('admin'))).toBe(true);
    const all = await orgport(['members', 'list', org?.id as string, '-c', 'source', '-o', 'ndjson']);
    expect(all.stdout.trim().split('\n')).toHaveLength(150);
  });

  it('prints capability manifests without a connection', async () => {
    const run = await orgport(['capabilities', 'cloud-org', '-o', 'json']);
    const [manifest] = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(manifest?.['organizations.create']).toBe(false);
    expect(manifest?.rolesPerMember).toBe('one-per-product');
  });

  it('exports a snapshot that loads back', async () => {
    const run = await orgport(['export', '-c', 'source', '--out', 'snapshot.ndjson', '-q']);
    expect(run.code).toBe(0);
    const lines = readFileSync(join(dir, 'snapshot.ndjson'), 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0] as string)).toMatchObject({ type: 'header', format: 'orgport.snapshot' });
    expect(lines.filter((line) => line.includes('"type":"member"'))).toHaveLength(300);
  });

  it('writes exports atomically: a killed export leaves no file that looks complete', async () => {
    const before = world.auth0.stats.requests;
    const missing = await orgport(['export', '-c', 'source', '--out', 'no/such/folder/s.ndjson', '-q']);
    expect([missing.code, missing.stderr.trim()]).toEqual([
      2,
      'orgport: invalid_argument: --out: folder no/such/folder does not exist',
    ]);
    expect(world.auth0.stats.requests).toBe(before);

    // Killed while the export streams (the simulator answers slowly): nothing at --out,
    // and the partial temporary file is no snapshot.
    const slow = mkdtempSync(join(dir, 'killed-'));
    world.auth0.faults.configure({ latency: 1, latencyMs: 40 });
    try {
      const killed = await orgport(
        ['export', '-c', 'source', '--out', join(slow, 's.ndjson'), '-q'],
        (child) => {
          const poll = setInterval(() => {
            const temp = readdirSync(slow).find((name) => name.endsWith('.tmp'));
            if (temp && statSync(join(slow, temp)).size > 0) {
              clearInterval(poll);
              child.kill('SIGKILL');
            }
          }, 5);
        },
      );
      expect(killed.code).toBe(null);
    } finally {
      world.auth0.faults.configure({});
    }
    expect(existsSync(join(slow, 's.ndjson'))).toBe(false);
    const [partial] = readdirSync(slow);
    expect(() => loadSnapshot(readFileSync(join(slow, partial as string), 'utf8'))).toThrow(/snapshot: /);
  });

  it('refuses a cut plan file in one line, and checks --out before planning', async () => {
    writeFileSync(join(dir, 'cut-plan.json'), '{"format":"orgport.plan","operations":[{"id"');
    const cut = await orgport(['migrate', '--to', 'target', '--plan', 'cut-plan.json', '-q']);
    expect([cut.code, cut.stderr.trim()]).toEqual([
      2,
      'orgport: invalid_argument: plan file cut-plan.json is not valid JSON (cut short?)',
    ]);
    const before = world.auth0.stats.requests;
    const out = await orgport([
      'plan',
      '--from',
      'source',
      '--to',
      'target',
      '--mapping',
      'mapping.json',
      '--out',
      'missing/plan.json',
      '-q',
    ]);
    expect([out.code, out.stderr.trim()]).toEqual([
      2,
      'orgport: invalid_argument: --out: folder missing does not exist',
    ]);
    expect(world.auth0.stats.requests).toBe(before);
  });

  it('a run refused for an existing journal leaves the saved plan of that journal alone', async () => {
    const plan = await orgport([
      'plan',
      '--from',
      'source',
      '--to',
      'target',
      '--mapping',
      'mapping.json',
      '--out',
      'refused-plan.json',
      '-q',
    ]);
    expect(plan.code).toBe(0);
    writeFileSync(join(dir, 'refused.ndjson'), '{"type":"journal","planId":"earlier-plan-id1"}\n');
    writeFileSync(join(dir, 'refused.ndjson.plan.json'), 'the earlier run');
    const refused = await orgport([
      'migrate',
      '--to',
      'target',
      '--plan',
      'refused-plan.json',
      '--journal',
      'refused.ndjson',
      '-q',
    ]);
    expect(refused.stderr).toMatch(/journal refused\.ndjson already exists: pass --resume/);
    expect(refused.code).not.toBe(0);
    expect(readFileSync(join(dir, 'refused.ndjson.plan.json'), 'utf8')).toBe('the earlier run');
    const unknown = await orgport([
      'plan',
      '--from',
      'source',
      '--to',
      'target',
      '--mapping',
      'mapping.json',
      '--orgs',
      'no-such-org',
      '-q',
    ]);
    expect([unknown.code, unknown.stderr]).toEqual([
      2,
      expect.stringMatching(/no organization with id or name "no-such-org"/),
    ]);
  });

  it('explains mistakes in one line with exit code 2, never a stack trace', async () => {
    const unknown = await orgport(['orgs', 'list', '-c', 'nowhere']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toMatch(/^orgport: invalid_argument: unknown connection "nowhere"/);
    writeFileSync(join(dir, 'bad-mapping.json'), '{"rules": [{"from": {"role": ""}, "to": []}]}');
    const bad = await orgport([
      'plan',
      '--from',
      'source',
      '--to',
      'target',
      '--mapping',
      'bad-mapping.json',
      '-q',
    ]);
    expect([bad.code, bad.stderr.includes('    at ')]).toEqual([2, false]);
    expect(bad.stderr).toMatch(/mapping: rules\[0\]/);
    const format = await orgport(['orgs', 'list', '-c', 'source', '-o', 'xml']);
    expect(format.code).toBe(2);
  });

  it('plans, migrates (killed mid-way, then resumed) to exactly the state of an unbroken run, and re-plans to nothing', async () => {
    const planned = await orgport([
      'plan',
      '--from',
      'source',
      '--to',
      'target',
      '--mapping',
      'mapping.json',
      '--out',
      'plan.json',
      '-q',
    ]);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toMatch(/Plan: \d+ to add, \d+ to change, \d+ to invite, 0 to remove\./);
    expect(planned.stdout).toContain('role auditor: no mapping rule');
    const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as MigrationPlan;
    expect(plan.operations.length).toBeGreaterThan(100);

    // The reference: the same plan applied without interruption to an identical world.
    const reference = await startWorld();
    await applyMigration(plan, {
      target: createDirectory(
        createCloudOrgAdapter({
          baseUrl: reference.cloud.url,
          username: reference.cloud.username,
          password: reference.cloud.password,
        }),
      ),
    });
    const expected = targetState(reference.cloud);
    await closeWorld(reference);

    const journal = join(dir, 'journal.ndjson');
    const killed = await orgport(
      [
        'migrate',
        '--to',
        'target',
        '--plan',
        'plan.json',
        '--journal',
        'journal.ndjson',
        '--concurrency',
        '2',
        '-q',
      ],
      (child) => {
        const timer = setInterval(() => {
          const lines = existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').length : 0;
          if (lines > 40) {
            clearInterval(timer);
            child.kill('SIGKILL');
          }
        }, 5);
      },
    );
    expect(killed.code).toBeNull();
    const recorded = readFileSync(journal, 'utf8').trim().split('\n').length - 1;
    expect(recorded).toBeGreaterThan(30);
    expect(recorded).toBeLessThan(plan.operations.length);

    const resumed = await orgport([
      'migrate',
      '--to',
      'target',
      '--plan',
      'plan.json',
      '--journal',
      'journal.ndjson',
      '--resume',
      '-o',
      'json',
      '-q',
    ]);
    expect(resumed.code).toBe(0);
    const summary = JSON.parse(resumed.stdout) as { applied: number; skipped: number; failed: number };
    expect(summary.failed).toBe(0);
    expect(summary.applied + summary.skipped).toBe(plan.operations.length);
    expect(targetState(world.cloud)).toBe(expected);

    const replanned = await orgport([
      'plan',
      '--from',
      'source',
      '--to',
      'target',
      '--mapping',
      'mapping.json',
      '-o',
      'json',
      '-q',
    ]);
    expect((JSON.parse(replanned.stdout) as MigrationPlan).operations).toEqual([]);
    for (const run of [planned, resumed, replanned]) expect(secretsIn(run)).toEqual([]);
    for (const file of [journal, join(dir, 'plan.json')]) {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toContain(world.auth0.clientSecret);
      expect(text).not.toContain(world.cloud.password);
    }
  }, 120_000);

  it('starts a simulator that saves its connection without printing the secret, and stops on SIGTERM', async () => {
    const simConfig = join(dir, 'sim.config.json');
    let sim: ChildProcess | undefined;
    let out = '';
    const exited = orgport(
      ['sim', 'cloud-org', '--orgs', '2', '--members', '4'],
      (child) => {
        sim = child;
        child.stdout?.on('data', (chunk) => {
          out += chunk;
        });
      },
      simConfig,
    );
    for (let n = 0; n < 100 && !out.includes('Ctrl-C'); n++) await new Promise((r) => setTimeout(r, 50));
    const saved = JSON.parse(readFileSync(simConfig, 'utf8')) as {
      connections: Record<string, { password: string }>;
    };
    const password = saved.connections['sim-cloud-org']?.password as string;
    expect(out).toContain('saved as connection "sim-cloud-org"');
    expect(out).not.toContain(password);
    const listed = (
      await orgport(['orgs', 'list', '-c', 'sim-cloud-org', '-o', 'json'], undefined, simConfig)
    ).stdout;
    expect(JSON.parse(listed)).toHaveLength(2);
    sim?.kill('SIGTERM');
    expect((await exited).code).toBe(0);
    const mode = statSync(simConfig).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it('sim exits with its error instead of running on: a corrupt config, a missing config folder', async () => {
    writeFileSync(join(dir, 'corrupt.config.json'), '{"connections": {');
    const corrupt = await orgport(
      ['sim', 'auth0', '--orgs', '1', '--members', '2'],
      undefined,
      join(dir, 'corrupt.config.json'),
    );
    expect(corrupt.code).toBe(2);
    expect(corrupt.stderr).toMatch(
      /^orgport: invalid_argument: config file .*corrupt\.config\.json is not valid JSON/,
    );
    const nowhere = await orgport(['sim', 'auth0'], undefined, join(dir, 'nowhere', 'c.json'));
    expect([nowhere.code, nowhere.stderr.trim().split('\n').length]).toEqual([2, 1]);
    expect(nowhere.stderr).toMatch(/--config: folder .*nowhere does not exist/);
  });

  // How fast the demo runs is the bench's to measure, not a test's to assert.
  it('runs the demo: zero operations on re-plan, exit 0', async () => {
    const run = await orgport(['demo', '--members', '300', '-q']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('0 operations. Nothing left to do.');
    expect(run.stdout).toMatch(/Applied \d+, already done 0, failed 0/);
    // Step 5: into a real Better Auth app, with its loss report, and nothing left after.
    expect(run.stdout).toContain('5. Auth0 → Better Auth');
    expect(run.stdout).toMatch(/auth0 → better-auth, 1 organization\(s\), 300 member\(s\)/);
    expect(run.stdout).toMatch(/Applied \d+, failed 0, not attempted 0; re-plan: 0 operations\./);
  }, 300_000);
});
