import { Logger, runMigrations } from 'graphile-worker';
import type pg from 'pg';
import { LOCK_SPACE } from './advisory-key.js';
import { guardPool } from './guard-pool.js';
import { inTransaction } from './in-transaction.js';

/** The schema the fleet's own tables live in (graphile-worker keeps its jobs in `graphile_worker`). */
export const FLEET_SCHEMA = 'orgport_fleet';

const TABLES = `
CREATE SCHEMA IF NOT EXISTS ${FLEET_SCHEMA};
CREATE TABLE IF NOT EXISTS ${FLEET_SCHEMA}.plans (
  plan_id text PRIMARY KEY,
  plan jsonb,
  target_vendor text NOT NULL,
  target_connection text,
  operation_count integer NOT NULL,
  chain_count integer NOT NULL,
  chains_per_job integer NOT NULL DEFAULT 1,
  submitted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  organizations_done_at timestamptz
);
CREATE TABLE IF NOT EXISTS ${FLEET_SCHEMA}.outcomes (
  plan_id text NOT NULL REFERENCES ${FLEET_SCHEMA}.plans ON DELETE CASCADE,
  operation_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'skipped', 'failed')),
  reason text,
  result jsonb,
  attempts integer NOT NULL DEFAULT 1,
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (plan_id, operation_id)
);
CREATE INDEX IF NOT EXISTS outcomes_recent ON ${FLEET_SCHEMA}.outcomes (plan_id, recorded_at);
CREATE TABLE IF NOT EXISTS ${FLEET_SCHEMA}.chains (
  plan_id text NOT NULL REFERENCES ${FLEET_SCHEMA}.plans ON DELETE CASCADE,
  chain_index integer NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'done', 'stopped')),
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (plan_id, chain_index)
);
CREATE TABLE IF NOT EXISTS ${FLEET_SCHEMA}.worker_pools (
  pool_id text PRIMARY KEY,
  process_id text NOT NULL,
  lock_key integer NOT NULL,
  started_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TABLE IF NOT EXISTS ${FLEET_SCHEMA}.rate_budgets (
  budget_key text PRIMARY KEY,
  rate double precision NOT NULL,
  burst double precision NOT NULL,
  tokens double precision NOT NULL,
  refreshed_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
`;

/**
 * Creates the fleet's tables and graphile-worker's schema when absent. Safe to call from
 * any number of processes at once (creation is serialized by an advisory lock) and on every
 * start (everything is `IF NOT EXISTS`; graphile-worker migrates its own schema).
 */
export async function ensureFleetSchema(pool: pg.Pool): Promise<void> {
  guardPool(pool);
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_SPACE.schema]);
    await client.query(TABLES);
  });
  await runMigrations({ pgPool: pool, logger: silentLogger });
}

/** graphile-worker's logger, quiet: the fleet reports through its own events. */
export const silentLogger = new Logger(() => () => undefined);
