import { startThrowawayPostgres, type ThrowawayPostgres } from '@orgport/fleet/testing';
import { RequestStats } from '@orgport/simulator-kit';
import type { VendorStartOptions, VendorTarget } from '@orgport/testkit';
import pg from 'pg';
import { memoryApp, postgresApp, type TestApp } from './better-auth-app.js';

/** A running Better Auth app for the suite: in-process, so its `url` names no server. */
export interface BetterAuthTarget extends VendorTarget {
  readonly app: TestApp;
  /** The app's operator account, recorded as the inviter of invitations orgport creates. */
  readonly operatorId: string;
}

/** Where the app keeps its data. */
export type BetterAuthStartOptions = VendorStartOptions & {
  readonly database?: 'memory' | 'postgres' | undefined;
};

/**
 * Starts a test app: on Better Auth's memory adapter, or on a throwaway PostgreSQL cluster
 * through its Kysely support (a pg pool). Better Auth runs in this process: nothing listens,
 * and the suite's fault runs (HTTP faults) do not apply; the database faults are tested in
 * reliability/test/better-auth-database-faults.test.ts.
 */
export async function startBetterAuthTarget(options: BetterAuthStartOptions): Promise<BetterAuthTarget> {
  let cluster: ThrowawayPostgres | undefined;
  let pool: pg.Pool | undefined;
  let app: TestApp;
  if (options.database === 'postgres') {
    cluster = await startThrowawayPostgres();
    pool = new pg.Pool({ connectionString: await cluster.createDatabase(), max: 8 });
    pool.on('error', () => undefined);
    app = await postgresApp(pool);
  } else {
    app = memoryApp();
  }
  const operator = await (await app.auth.$context).internalAdapter.createUser(
    { email: `operator-${options.seed}@orgport.test`, name: 'orgport operator', emailVerified: true },
    { method: 'admin' },
  );
  // Its "requests" are the database calls the app makes (the probe counts them), so the
  // suite proves checks happen before any call without a proxy (there is no HTTP to proxy).
  const stats = new RequestStats();
  Object.defineProperty(stats, 'requests', { get: () => app.probe.calls });
  return {
    url: `in-process:better-auth-${options.database ?? 'memory'}`,
    stats,
    app,
    operatorId: operator.id,
    async close() {
      await pool?.end();
      await cluster?.stop();
    },
  };
}
