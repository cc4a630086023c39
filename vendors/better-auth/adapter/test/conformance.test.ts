import { postgresSkipReason, startThrowawayPostgres, type ThrowawayPostgres } from '@orgport/fleet/testing';
import { runConformanceSuite } from '@orgport/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { memoryApp, postgresApp, type TestApp } from './support/better-auth-app.js';
import { betterAuthHarness } from './support/better-auth-harness.js';

// Every test runs the real better-auth package: a fresh app on its memory adapter per test,
// and one app on a throwaway PostgreSQL cluster (Kysely through a pg pool) for the second run.

describe('better-auth adapter on the memory adapter', () => {
  runConformanceSuite({
    name: 'better-auth (memory)',
    makeHarness: (context) => betterAuthHarness(context, memoryApp()),
  });
});

const skip = postgresSkipReason();
if (skip) {
  describe.skip(`better-auth adapter on PostgreSQL (${skip})`, () => {
    it('runs the suite on PostgreSQL', () => undefined);
  });
} else {
  describe('better-auth adapter on PostgreSQL (Kysely, pg)', () => {
    let cluster: ThrowawayPostgres;
    let pool: pg.Pool;
    let app: TestApp;
    beforeAll(async () => {
      cluster = await startThrowawayPostgres();
      pool = new pg.Pool({ connectionString: await cluster.createDatabase(), max: 8 });
      pool.on('error', () => undefined);
      app = await postgresApp(pool);
    }, 120_000);
    afterAll(async () => {
      await pool?.end();
      await cluster?.stop();
    });
    runConformanceSuite({
      name: 'better-auth (postgres)',
      makeHarness: (context) => betterAuthHarness(context, app),
    });
  });
}
