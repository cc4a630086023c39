import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDirectory, type Directory } from '@orgport/core';
import { postgresSkipReason, startThrowawayPostgres, type ThrowawayPostgres } from '@orgport/fleet/testing';
import { applyMigration, planMigration, type RoleMappingInput } from '@orgport/migrate';
import { createMemoryAdapter } from '@orgport/testkit/memory';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BetterAuthWorld, postgresWorld } from './better-auth-world.js';

// A Better Auth database that goes away mid-migration (PostgreSQL through Kysely/pg):
// part-way through the apply it terminates every connection and refuses new ones. What
// failed is reported as `unavailable` naming the database, nothing failed is half-applied,
// and a resume once the database is back ends exactly like an unbroken run.

const mapping: RoleMappingInput = {
  unmapped: 'warn',
  rules: [
    { from: { role: 'editor' }, to: [{ role: 'developer' }] },
    { from: { role: 'viewer' }, to: [{ role: 'viewer' }] },
  ],
};
const PEOPLE = 40;
const email = (n: number) => `p${n}@example.com`;

function source(): Directory {
  const memory = createMemoryAdapter({ name: 'source' });
  const { store } = memory;
  store.addRole({ id: 'r-viewer', name: 'viewer' });
  store.addRole({ id: 'r-editor', name: 'editor' });
  store.addOrganization({ id: 'so', name: 'acme' });
  for (let n = 0; n < PEOPLE; n++) {
    store.addUser({ id: `s${n}`, email: email(n) });
    const record = store.membership('so', `s${n}`);
    record.kinds.add('member');
    if (n % 7 === 0) record.kinds.add('admin');
    if (n % 2 === 0) record.roleIds.add('r-viewer');
    if (n % 3 === 0) record.roleIds.add('r-editor');
  }
  return createDirectory(memory);
}

/** A target app whose users exist for three in four of the people (the others are invited). */
async function target(pool: pg.Pool): Promise<BetterAuthWorld> {
  const world = await postgresWorld(pool);
  for (let n = 0; n < PEOPLE; n++) if (n % 4 !== 0) await world.user(email(n));
  return world;
}

// A pg client whose connection the server ends emits 'error' on itself; one without a
// listener would end the process. Every client made here listens (an app's pool needs
// the same), so the query in flight fails with the error and the pool replaces the client.
const connect = pg.Client.prototype.connect;
pg.Client.prototype.connect = function (this: pg.Client, ...args: unknown[]) {
  if (this.listenerCount('error') === 0) this.on('error', () => undefined);
  return (connect as (...a: unknown[]) => unknown).apply(this, args);
} as typeof connect;

const skip = postgresSkipReason();
describe.skipIf(skip !== undefined)(
  `a Better Auth database that goes away mid-run${skip ? ` (${skip})` : ''}`,
  () => {
    let cluster: ThrowawayPostgres;
    const pools: pg.Pool[] = [];
    const folder = mkdtempSync(join(tmpdir(), 'orgport-ba-faults-'));
    const pool = async () => {
      const url = await cluster.createDatabase();
      const created = new pg.Pool({ connectionString: url, max: 6 });
      // An idle connection the server terminates is reported here; the pool replaces it.
      created.on('error', () => undefined);
      pools.push(created);
      return { pool: created, name: new URL(url).pathname.slice(1) };
    };
    beforeAll(async () => {
      cluster = await startThrowawayPostgres();
    }, 120_000);
    afterAll(async () => {
      await Promise.all(pools.map((p) => p.end()));
      await cluster?.stop();
      rmSync(folder, { recursive: true, force: true });
    });

    it('fails what it cannot write as unavailable, half-applies nothing, and resumes to the unbroken end state', async () => {
      const from = source();
      const plain = await target((await pool()).pool);
      const plan = await planMigration({ source: from, target: plain.directory, mapping });
      expect((await applyMigration(plan, { target: plain.directory })).failed).toEqual([]);

      const broken = await pool();
      const world = await target(broken.pool);
      const plan2 = await planMigration({ source: from, target: world.directory, mapping });
      // The same operations (a plan id is unique to each plan).
      expect(plan2.operations.map((operation) => operation.id)).toEqual(
        plan.operations.map((operation) => operation.id),
      );
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      let cut: Promise<unknown> | undefined;
      const journal = join(folder, 'run.ndjson');
      let done = 0;
      const first = await applyMigration(plan2, {
        target: world.directory,
        journal,
        concurrency: 4,
        onProgress: () => {
          // A third of the way in, the database goes away: new connections are refused and
          // every open one is terminated (pg_terminate_backend).
          if (++done === Math.floor(plan2.operations.length / 3))
            cut = admin
              .query(`ALTER DATABASE ${broken.name} WITH ALLOW_CONNECTIONS false`)
              .then(() =>
                admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
                  broken.name,
                ]),
              );
        },
      });
      await cut;
      expect(first.failed.length).toBeGreaterThan(0);
      for (const failure of first.failed) {
        expect(failure.code).toBe('unavailable');
        expect(failure.reason).toMatch(/Better Auth database failed/);
      }
      // Nothing failed is half-applied: no failed add or invitation left a row behind.
      await admin.query(`ALTER DATABASE ${broken.name} WITH ALLOW_CONNECTIONS true`);
      const organizationId = (await world.directory.organizations.getByName('acme')).id;
      const members = new Set(
        (await world.directory.members.list(organizationId).toArray()).map((member) => member.user.email),
      );
      const invited = new Set(
        (await world.directory.invitations.list(organizationId).toArray()).map(
          (invitation) => invitation.email,
        ),
      );
      for (const failure of first.failed) {
        if (failure.operation.type === 'add_member') expect(members.has(failure.operation.email)).toBe(false);
        if (failure.operation.type === 'invite') expect(invited.has(failure.operation.email)).toBe(false);
      }
      await admin.end();

      const resumed = await applyMigration(plan2, { target: world.directory, journal, resume: true });
      expect([resumed.failed, resumed.blocked]).toEqual([[], []]);
      expect(await world.state()).toBe(await plain.state());
      expect((await planMigration({ source: from, target: world.directory, mapping })).operations).toEqual(
        [],
      );
    }, 180_000);
  },
);
