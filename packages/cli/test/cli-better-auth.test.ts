import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { postgresSkipReason, startThrowawayPostgres, type ThrowawayPostgres } from '@orgport/fleet/testing';
import type { MigrationPlan } from '@orgport/migrate';
import { type Auth0Simulator, startAuth0Simulator } from '@orgport/simulator-auth0';
import { fixtures } from '@orgport/simulator-kit/fixtures';
import { betterAuth } from 'better-auth';
import { organization } from 'better-auth/plugins/organization';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `orgport plan` and `orgport migrate` against a real application: a small app module in a
// temporary folder exports its Better Auth instance (on PostgreSQL, so that what one
// command writes the next one reads), and a `better-auth` connection names that module.
const BIN = resolve(import.meta.dirname, '../dist/bin.js');
const data = fixtures({ seed: 11, organizations: 1, membersPerOrg: 30 });
const require = createRequire(import.meta.url);
/** The folder a package's entry resolves into, walked up to its package root. */
const packageRoot = (name: string, from: string) => {
  let folder = dirname(realpathSync(createRequire(from).resolve(name)));
  while (
    !existsSync(join(folder, 'package.json')) ||
    !readFileSync(join(folder, 'package.json'), 'utf8').includes(`"name": "${name}"`)
  )
    folder = dirname(folder);
  return folder;
};

const APP_MODULE = `import { betterAuth } from 'better-auth';
import { createAccessControl } from 'better-auth/plugins/access';
import { organization } from 'better-auth/plugins/organization';
import { adminAc, defaultStatements, memberAc, ownerAc } from 'better-auth/plugins/organization/access';
import pg from 'pg';

const ac = createAccessControl(defaultStatements);
export const auth = betterAuth({
  // allowExitOnIdle: a command-line tool loading this module exits when its work is done.
  database: new pg.Pool({ connectionString: process.env.APP_DATABASE_URL, allowExitOnIdle: true }),
  secret: process.env.APP_SECRET,
  baseURL: 'http://127.0.0.1:3000',
  telemetry: { enabled: false },
  logger: { disabled: true },
  plugins: [
    organization({
      ac,
      roles: { owner: ownerAc, admin: adminAc, member: memberAc, developer: ac.newRole({}), viewer: ac.newRole({}), support: ac.newRole({}) },
    }),
  ],
});
`;

/** The app as the test process sees it: the same tables, to migrate and to read back. */
const appOn = (pool: pg.Pool, secret: string) =>
  betterAuth({
    database: pool,
    secret,
    telemetry: { enabled: false },
    logger: { disabled: true },
    plugins: [organization()],
  });

const skip = postgresSkipReason();
describe.skipIf(skip !== undefined)(`orgport against a Better Auth app${skip ? ` (${skip})` : ''}`, () => {
  let dir: string;
  let cluster: ThrowawayPostgres;
  let databaseUrl: string;
  let auth0: Auth0Simulator;
  let pool: pg.Pool;
  let app: ReturnType<typeof appOn>;
  const secret = 'app-secret-that-must-never-be-printed-0123456789';

  beforeAll(async () => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npx tsc -b\` before these tests`);
    dir = mkdtempSync(join(tmpdir(), 'orgport-better-auth-app-'));
    // The app's own dependencies, as its node_modules would hold them.
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(
      packageRoot('better-auth', require.resolve('better-auth')),
      join(dir, 'node_modules', 'better-auth'),
    );
    symlinkSync(packageRoot('pg', require.resolve('pg')), join(dir, 'node_modules', 'pg'));
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'lib', 'auth.mjs'), APP_MODULE);
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'my-app', private: true, type: 'module' }),
    );

    cluster = await startThrowawayPostgres();
    databaseUrl = await cluster.createDatabase();
    pool = new pg.Pool({ connectionString: databaseUrl });
    pool.on('error', () => undefined);
    // The app's tables, and its users: two in three of the Auth0 people have signed up.
    app = appOn(pool, secret);
    const context = await app.$context;
    await context.runMigrations();
    const operator = await context.internalAdapter.createUser(
      { email: 'ops@my-app.test', name: 'ops', emailVerified: true },
      { method: 'admin' },
    );
    const people = [...data.members(0)].map((member) => member.user);
    for (const [index, person] of people.entries())
      if (index % 3 !== 0)
        await context.internalAdapter.createUser(
          { email: person.email, name: person.name, emailVerified: true },
          { method: 'admin' },
        );

    auth0 = await startAuth0Simulator({ seed: 11, fixtures: data });
    writeFileSync(
      join(dir, 'orgport.config.json'),
      JSON.stringify({
        connections: {
          'sim-auth0': {
            vendor: 'auth0',
            baseUrl: auth0.url,
            clientId: auth0.clientId,
            clientSecret: 'env:TEST_AUTH0_SECRET',
          },
          'my-app': { vendor: 'better-auth', config: 'lib/auth.mjs', inviterId: operator.id },
          broken: { vendor: 'better-auth', config: 'lib/missing.mjs' },
        },
      }),
    );
    writeFileSync(
      join(dir, 'mapping.json'),
      JSON.stringify({
        version: 1,
        unmapped: 'warn',
        rules: [
          { from: { role: 'editor' }, to: [{ role: 'developer' }] },
          { from: { role: 'developer' }, to: [{ role: 'developer' }] },
          { from: { role: 'viewer' }, to: [{ role: 'viewer' }] },
          { from: { role: 'support' }, to: [{ role: 'support' }] },
        ],
      }),
    );
  }, 120_000);
  afterAll(async () => {
    await auth0?.close();
    await pool?.end();
    await cluster?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const orgport = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, [BIN, ...args], {
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          TEST_AUTH0_SECRET: auth0.clientSecret,
          APP_DATABASE_URL: databaseUrl,
          APP_SECRET: secret,
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
      });
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      child.on('close', (code) => done({ code, stdout, stderr }));
    });

  it('plans Auth0 → the app, migrates, and re-plans to nothing', async () => {
    const planned = await orgport([
      'plan',
      '--from',
      'sim-auth0',
      '--to',
      'my-app',
      '--mapping',
      'mapping.json',
      '--out',
      'plan.json',
      '-q',
    ]);
    expect(planned.stderr).toBe('');
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain('role auditor: no mapping rule');
    const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as MigrationPlan;
    const types = new Set(plan.operations.map((operation) => operation.type));
    for (const type of ['create_organization', 'add_member', 'invite']) expect(types).toContain(type);

    const migrated = await orgport([
      'migrate',
      '--to',
      'my-app',
      '--plan',
      'plan.json',
      '--journal',
      'run.ndjson',
      '-q',
    ]);
    expect([migrated.code, migrated.stderr]).toEqual([0, '']);
    const replanned = await orgport([
      'plan',
      '--from',
      'sim-auth0',
      '--to',
      'my-app',
      '--mapping',
      'mapping.json',
      '-q',
    ]);
    expect(replanned.code).toBe(0);
    expect(replanned.stdout).toContain('No changes');
    for (const run of [planned, migrated, replanned])
      expect(`${run.stdout}${run.stderr}`).not.toContain(secret);

    // What the app holds now, read through Better Auth itself.
    const context = await app.$context;
    const [org] = await context.adapter.findMany<{ id: string; slug: string }>({ model: 'organization' });
    const members = await context.adapter.count({
      model: 'member',
      where: [{ field: 'organizationId', value: org?.id ?? '' }],
    });
    const invitations = await context.adapter.count({
      model: 'invitation',
      where: [{ field: 'organizationId', value: org?.id ?? '' }],
    });
    expect(members).toBe(plan.operations.filter((operation) => operation.type === 'add_member').length);
    expect(invitations).toBe(plan.operations.filter((operation) => operation.type === 'invite').length);
    expect(members + invitations).toBe(30);
  }, 120_000);

  it('names the app module it cannot load, in one line with exit code 2', async () => {
    const run = await orgport(['orgs', 'list', '-c', 'broken']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/lib\/missing\.mjs does not exist/);
  }, 60_000);

  it('prints the better-auth manifest without loading an app', async () => {
    const run = await orgport(['capabilities', 'better-auth']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/members\.add/);
  });
});
