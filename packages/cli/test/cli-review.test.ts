import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { createDirectory } from '@orgport/core';
import { loadPlan, loadRoleMapping, type MigrationOperation, type MigrationPlan } from '@orgport/migrate';
import { type Auth0Simulator, startAuth0Simulator } from '@orgport/simulator-auth0';
import {
  type CloudOrgSimulator,
  seedHalfOnboarded,
  startCloudOrgSimulator,
} from '@orgport/simulator-cloud-org';
import { fixtures } from '@orgport/simulator-kit/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MAPPING } from '../src/demo/demo-mapping.js';
import { planCounts } from '../src/plan/plan-counts.js';
import { ORGPORT_BIN, type OrgportRun, runOrgport } from './support/run-orgport.js';

// Discovery, review before apply and one output vocabulary, against the built binary and
// both simulators (`tsc -b` runs before the tests).
const _BIN = ORGPORT_BIN;
const data = fixtures({ seed: 11, organizations: 2, membersPerOrg: 120 });

let dir: string;
let config: string;
let auth0: Auth0Simulator;
let cloud: CloudOrgSimulator;
beforeAll(async () => {
  auth0 = await startAuth0Simulator({ seed: 11, fixtures: data });
  cloud = await startCloudOrgSimulator({ seed: 11, latencyMs: 4 });
  seedHalfOnboarded(cloud, data);
  dir = mkdtempSync(join(tmpdir(), 'orgport-review-'));
  config = join(dir, 'orgport.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      connections: {
        source: {
          vendor: 'auth0',
          baseUrl: auth0.url,
          clientId: auth0.clientId,
          clientSecret: auth0.clientSecret,
        },
        target: {
          vendor: 'cloud-org',
          baseUrl: cloud.url,
          username: cloud.username,
          password: cloud.password,
        },
      },
    }),
  );
  writeFileSync(join(dir, 'mapping.json'), JSON.stringify(DEMO_MAPPING));
});
afterAll(async () => {
  await Promise.all([auth0.close(), cloud.close()]);
});

type Run = OrgportRun;
function orgport(
  args: string[],
  onStart?: (child: ChildProcess) => void,
  env: Record<string, string> = {},
): Promise<Run> {
  return runOrgport(['--config', config, ...args], { cwd: dir, env, onStart });
}
const ndjson = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const targetDirectory = () =>
  createDirectory(
    createCloudOrgAdapter({ baseUrl: cloud.url, username: cloud.username, password: cloud.password }),
  );
const firstOrganization = () => data.organization(0);

describe('discovery', () => {
  it('lists roles, groups, products and invitations in every format', async () => {
    const roles = await orgport(['roles', 'list', '-c', 'source', '-o', 'ndjson']);
    expect(roles.code).toBe(0);
    expect(ndjson(roles.stdout).map((role) => role.name)).toEqual(
      expect.arrayContaining(['viewer', 'editor', 'developer', 'support', 'auditor']),
    );
    const groups = await orgport(['groups', 'list', '-c', 'target', '-o', 'csv']);
    const [header, ...rows] = groups.stdout.trim().split('\n');
    expect(header).toBe('product,group,id');
    expect(rows.map((row) => row.split(',')[1])).toEqual(
      expect.arrayContaining(['Developers', 'Viewers', 'Release managers']),
    );
    // Each (product, group) pair once across organizations.
    expect(new Set(rows.map((row) => row.split(',').slice(0, 2).join())).size).toBe(rows.length);
    const products = await orgport([
      'products',
      'list',
      firstOrganization().displayName,
      '-c',
      'target',
      '-o',
      'json',
    ]);
    expect((JSON.parse(products.stdout) as { name: string }[]).length).toBeGreaterThan(0);
    const invited = await orgport([
      'invitations',
      'list',
      firstOrganization().displayName,
      '-c',
      'target',
      '-o',
      'json',
    ]);
    expect(invited.code).toBe(0);
    expect(Array.isArray(JSON.parse(invited.stdout))).toBe(true);
  });

  it('takes an organization by name in members list, and --limit with a totals line', async () => {
    const organization = firstOrganization();
    const byName = await orgport(['members', 'list', organization.name, '-c', 'source', '-o', 'ndjson']);
    expect(byName.code).toBe(0);
    expect(ndjson(byName.stdout)).toHaveLength(120);
    const limited = await orgport(['members', 'list', organization.name, '-c', 'source', '--limit', '5']);
    const lines = limited.stdout.trimEnd().split('\n');
    // Top border, header, the rule under it, five rows (no rule between them), bottom border, totals.
    expect(lines).toHaveLength(10);
    expect(lines.filter((line) => line.startsWith('├'))).toHaveLength(1);
    expect(lines.at(-1)).toBe('the first 5 members; there are more (raise --limit to see them)');
    const all = await orgport(['orgs', 'list', '-c', 'source']);
    expect(all.stdout.trimEnd().split('\n').at(-1)).toBe('2 organizations');
    const csv = await orgport([
      'members',
      'list',
      organization.name,
      '-c',
      'source',
      '--limit',
      '3',
      '-o',
      'csv',
    ]);
    expect(csv.stdout.trim().split('\n')).toHaveLength(4);
  });

  it('mapping init writes a starter mapping that loads, from the roles and groups both sides have', async () => {
    const run = await orgport([
      'mapping',
      'init',
      '--from',
      'source',
      '--to',
      'target',
      '--out',
      'starter.json',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^Wrote starter\.json: 2 of 5 source roles and groups matched/m);
    expect(run.stderr).toMatch(/No rule for "editor", "support", "auditor"/);
    const mapping = loadRoleMapping(readFileSync(join(dir, 'starter.json'), 'utf8'));
    expect(mapping.rules).toEqual([
      { from: { role: 'viewer' }, to: [{ product: '*', group: 'Viewers' }] },
      { from: { role: 'developer' }, to: [{ product: '*', group: 'Developers' }] },
    ]);
    const again = await orgport([
      'mapping',
      'init',
      '--from',
      'source',
      '--to',
      'target',
      '--out',
      'starter.json',
    ]);
    expect([again.code, again.stderr]).toEqual([2, expect.stringMatching(/starter\.json exists .* --force/)]);
  });
});

describe('review before apply', () => {
  let plan: MigrationPlan;
  beforeAll(async () => {
    const run = await orgport([
      'plan',
      '--from',
      'source',
      '--to',
      'target',
      '--mapping',
      'mapping.json',
      '--out',
      'plan.json',
      '--report',
      'plan.md',
      '-q',
    ]);
    expect(run.code).toBe(0);
    plan = loadPlan(readFileSync(join(dir, 'plan.json'), 'utf8'));
  });

  it('says where the plan went, never suggests --out then, and lists distinct loss examples', async () => {
    const run = await orgport([
      'plan',
      '--from',
      'source',
      '--to',
      'target',
      '--mapping',
      'mapping.json',
      '--out',
      'again.json',
      '-q',
      '--limit',
      '3',
    ]);
    expect(run.stdout).toMatch(
      /Plan written to again\.json \(\d+ operations, [\d.]+ (kB|MB)\): apply it with orgport migrate --plan again\.json\./,
    );
    expect(run.stdout).toMatch(/… and \d+ more \(all in again\.json; review it with --report plan\.md\)/);
    expect(run.stdout).not.toContain('--out');
    const plain = await orgport([
      'plan',
      '--from',
      'source',
      '--to',
      'target',
      '--mapping',
      'mapping.json',
      '-q',
      '--limit',
      '3',
    ]);
    expect(plain.stdout).toContain('(write them all with --out plan.json)');
    for (const line of run.stdout.split('\n').filter((l) => l.includes('(e.g. '))) {
      const examples = (/\(e\.g\. (.*)\)$/.exec(line)?.[1] ?? '').split(', ');
      expect(new Set(examples).size, line).toBe(examples.length);
    }
  });

  it('writes plan files compact, gzip for .gz, and migrate reads both', async () => {
    const compact = readFileSync(join(dir, 'plan.json'), 'utf8');
    expect(compact).not.toContain('\n  ');
    expect(compact.length).toBeLessThan(JSON.stringify(plan, null, 2).length * 0.7);
    const gz = await orgport([
      'plan',
      '--from',
      'source',
      '--to',
      'target',
      '--mapping',
      'mapping.json',
      '--out',
      'plan.json.gz',
      '-q',
    ]);
    expect(gz.code).toBe(0);
    const zipped = readFileSync(join(dir, 'plan.json.gz'));
    expect(zipped.length).toBeLessThan(compact.length / 5);
    expect(loadPlan(gunzipSync(zipped).toString('utf8')).operations.length).toBe(plan.operations.length);
    const dry = await orgport([
      'migrate',
      '--to',
      'target',
      '--plan',
      'plan.json.gz',
      '--dry-run',
      '-o',
      'json',
      '-q',
    ]);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout).toDo).toBe(plan.operations.length);
  });

  it('plan -o ndjson prints one operation per line, -o csv one row per operation', async () => {
    const args = ['plan', '--from', 'source', '--to', 'target', '--mapping', 'mapping.json', '-q'];
    const lines = ndjson((await orgport([...args, '-o', 'ndjson'])).stdout);
    expect(lines.map((line) => line.type).sort()).toEqual(
      plan.operations.map((operation) => operation.type).sort(),
    );
    const [header, ...rows] = (await orgport([...args, '-o', 'csv'])).stdout.trim().split('\n');
    expect(header).toBe('id,type,organization,organizationId,email,kind,groups');
    expect(rows).toHaveLength(plan.operations.length);
  });

  it('plan --report writes a Markdown review per organization, with counts and losses', () => {
    const report = readFileSync(join(dir, 'plan.md'), 'utf8');
    const counts = planCounts(plan.operations);
    expect(report).toContain(
      `| **all organizations** | ${counts.add} | ${counts.change} | ${counts.invite} | ${counts.remove} |`,
    );
    const byOrganization = new Map<string, MigrationOperation[]>();
    for (const operation of plan.operations)
      byOrganization.set(operation.organization.name, [
        ...(byOrganization.get(operation.organization.name) ?? []),
        operation,
      ]);
    expect(byOrganization.size).toBe(2);
    for (const [name, operations] of byOrganization) {
      const c = planCounts(operations);
      expect(report).toContain(`## ${name.replaceAll('-', '-')}`);
      expect(report).toContain(`| ${name} | ${c.add} | ${c.change} | ${c.invite} | ${c.remove} |`);
    }
    expect(report).toMatch(/### Source organization /);
    const auditors = plan.losses.filter((loss) => loss.item === 'role auditor').length;
    expect(auditors).toBeGreaterThan(0);
    // Per source organization, the counts add up to the plan's.
    const counted = [...report.matchAll(/\| warn \| role auditor \| no mapping rule \| (\d+) \|/g)].reduce(
      (sum, m) => sum + Number(m[1]),
      0,
    );
    expect(counted).toBe(auditors);
  });

  it('migrate --dry-run reads the target now: to do, already done, changed since planning; it writes nothing', async () => {
    const target = targetDirectory();
    const grants = plan.operations.filter(
      (operation): operation is Extract<MigrationOperation, { type: 'set_grants' }> =>
        operation.type === 'set_grants',
    );
    const [done, changed] = [
      grants[0],
      grants.find(
        (op) =>
          op.organization.id === grants[0]?.organization.id &&
          op !== grants[0] &&
          op.add[0]?.groupId !== grants[0]?.add[0]?.groupId,
      ),
    ];
    if (!done || !changed) throw new Error('the plan has too few set_grants to test with');
    // One operation done behind the plan's back, one member changed in a way it did not expect.
    await target.permissions.set(done.organization.id as string, done.userId, done.grants);
    await target.permissions.set(changed.organization.id as string, changed.userId, [
      ...changed.expected,
      done.add[0] as (typeof done.add)[number],
    ]);
    await target.close();
    const writes = cloud.stats.writes;
    const dry = await orgport([
      'migrate',
      '--to',
      'target',
      '--plan',
      'plan.json',
      '--dry-run',
      '-q',
      '--limit',
      '50',
    ]);
    expect(dry.code).toBe(0);
    expect(cloud.stats.writes).toBe(writes);
    expect(dry.stdout).toContain(`Dry run against target as it is now`);
    expect(dry.stdout).toContain(
      `${plan.operations.length - 2} to do, 1 already done, 1 changed since planning.`,
    );
    expect(dry.stdout).toContain(`${done.email} → ${done.labels?.join(', ')}: holds the planned grants now`);
    expect(dry.stdout).toMatch(
      new RegExp(
        `${changed.email.replaceAll('.', '\\.')} → .*: holds \\d+ grant\\(s\\) now where the plan saw ${changed.expected.length}`,
      ),
    );
    // With the source and mapping again, it plans now too and says what differs: the done
    // operation is no longer planned, the changed member's is planned anew.
    const replanned = await orgport([
      'migrate',
      '--to',
      'target',
      '--plan',
      'plan.json',
      '--dry-run',
      '--from',
      'source',
      '--mapping',
      'mapping.json',
      '-o',
      'json',
      '-q',
    ]);
    expect(JSON.parse(replanned.stdout)).toMatchObject({
      alreadyDone: 1,
      changed: 1,
      newSincePlanning: 1,
      noLongerPlanned: 2,
    });
    expect(cloud.stats.writes).toBe(writes);
    const records = ndjson(
      (await orgport(['migrate', '--to', 'target', '--plan', 'plan.json', '--dry-run', '-o', 'ndjson', '-q']))
        .stdout,
    );
    expect(records.find((record) => record.id === done.id)?.standing).toBe('already done');
    expect(records.find((record) => record.id === changed.id)?.standing).toBe('changed');
  });

  it('Ctrl-C prints the --resume command; running it finishes, counting earlier work as already done; status --journal follows', async () => {
    // A plan of the target as the dry run above left it.
    const fresh = await orgport([
      'plan',
      '--from',
      'source',
      '--to',
      'target',
      '--mapping',
      'mapping.json',
      '--out',
      'fresh.json',
      '-q',
    ]);
    expect(fresh.code).toBe(0);
    plan = loadPlan(readFileSync(join(dir, 'fresh.json'), 'utf8'));
    const journal = join(dir, 'interrupted.ndjson');
    const stopped = await orgport(
      [
        'migrate',
        '--to',
        'target',
        '--plan',
        'fresh.json',
        '--journal',
        'interrupted.ndjson',
        '--concurrency',
        '1',
        '-q',
      ],
      (child) => {
        const timer = setInterval(() => {
          const lines = existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').length : 0;
          if (lines > 20) {
            clearInterval(timer);
            child.kill('SIGINT');
          }
        }, 5);
      },
    );
    expect(stopped.code).toBe(130);
    const resume = /Finish the run with: (orgport .*)$/m.exec(stopped.stderr)?.[1];
    expect(resume).toBe('orgport migrate --to target --journal interrupted.ndjson --resume');
    const status = await orgport(['status', '--journal', 'interrupted.ndjson']);
    expect(status.code).toBe(3);
    expect(status.stdout).toMatch(
      new RegExp(`^${plan.planId} stopped .* done \\d+/${plan.operations.length}`),
    );
    expect(status.stdout).toContain(
      'finish it with orgport migrate --to <connection> --journal interrupted.ndjson --resume',
    );
    const finished = await orgport([...(resume as string).split(' ').slice(1), '-q']);
    expect(finished.code).toBe(0);
    const applied = /Applied (\d+), already done (\d+), failed 0, not attempted 0/.exec(finished.stdout);
    expect(Number(applied?.[2])).toBeGreaterThan(15);
    expect(finished.stdout).not.toContain('skipped');
    const csv = await orgport(['status', '--journal', 'interrupted.ndjson', '-o', 'csv']);
    const [header, row] = csv.stdout.trim().split('\n');
    expect(header).toBe(
      'planId,journal,state,operations,applied,skipped,failed,pending,ratePerSecond,etaSeconds',
    );
    expect(row?.split(',').slice(2, 4)).toEqual(['finished', String(plan.operations.length)]);
    const json = JSON.parse(
      (await orgport(['status', '--journal', 'interrupted.ndjson', '-o', 'json'])).stdout,
    ) as { state: string; pending: number }[];
    expect(json).toEqual([expect.objectContaining({ state: 'finished', pending: 0 })]);
  }, 60_000);
});

describe('one output vocabulary', () => {
  it('export takes -o (and --format, deprecated), and its progress counts organizations', async () => {
    const json = await orgport(['export', '-c', 'source', '-o', 'json', '--out', 'snapshot.json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8')).organizations).toHaveLength(2);
    expect(json.stderr).toMatch(/^export: 2\/2 organizations, 240 members/m);
    const old = await orgport([
      'export',
      '-c',
      'source',
      '--format',
      'ndjson',
      '--out',
      'snapshot.ndjson',
      '-q',
    ]);
    expect([old.code, old.stderr]).toEqual([
      0,
      'warning: --format is deprecated; use -o json or -o ndjson\n',
    ]);
    const csv = await orgport(['export', '-c', 'source', '-o', 'csv']);
    expect([csv.code, csv.stderr.trim()]).toEqual([
      2,
      'orgport: invalid_argument: a snapshot is json or ndjson (got csv): give -o json or -o ndjson',
    ]);
    const contradiction = await orgport(['export', '-c', 'source', '-o', 'json', '--format', 'ndjson']);
    expect(contradiction.code).toBe(2);
  });

  it('plans from a snapshot file as from the live source', async () => {
    const fromFile = await orgport([
      'plan',
      '--from-snapshot',
      'snapshot.ndjson',
      '--to',
      'target',
      '--mapping',
      'mapping.json',
      '-o',
      'json',
      '-q',
    ]);
    const live = await orgport([
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
    const ops = (run: Run) =>
      (JSON.parse(run.stdout) as MigrationPlan).operations.map((operation) => operation.id).sort();
    expect(ops(fromFile)).toEqual(ops(live));
    expect(statSync(join(dir, 'snapshot.ndjson')).size).toBeGreaterThan(0);
  });

  it('prints no escape codes when output is not a terminal, even with colour asked for nowhere', async () => {
    for (const args of [
      ['plan', '--from', 'source', '--to', 'target', '--mapping', 'mapping.json'],
      ['orgs', 'list', '-c', 'source'],
      ['roles', 'list', '-c', 'source'],
    ]) {
      const run = await orgport(args, undefined, { TERM: 'xterm-256color', FORCE_COLOR: '1' });
      expect(`${run.stdout}${run.stderr}`).not.toContain('\u001b');
    }
  });
});
