import { OrgPortError } from '@orgport/core';
import { Logger, runMigrations } from 'graphile-worker';
import type pg from 'pg';
import { LOCK_SPACE } from './advisory-key.js';
import { guardPool } from './guard-pool.js';
import { inTransaction } from './in-transaction.js';
import type { Queryable } from './queryable.js';

/** The schema the fleet's own tables live in (graphile-worker keeps its jobs in `graphile_worker`). */
export const FLEET_SCHEMA = 'orgport_fleet';

/**
 * The version of the store's layout this orgport reads and writes, kept in
 * `orgport_fleet.schema_version`. Version 1 is the layout before the table existed.
 */
export const FLEET_SCHEMA_VERSION = 2;

// Every statement is idempotent (`IF NOT EXISTS`), so it both creates a store and upgrades
// a version-1 one.
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
ALTER TABLE ${FLEET_SCHEMA}.plans ADD COLUMN IF NOT EXISTS failure text;
ALTER TABLE ${FLEET_SCHEMA}.plans ADD COLUMN IF NOT EXISTS failed_at timestamptz;
ALTER TABLE ${FLEET_SCHEMA}.plans ADD COLUMN IF NOT EXISTS cancelled_at timestamptz;
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
ALTER TABLE ${FLEET_SCHEMA}.outcomes ADD COLUMN IF NOT EXISTS code text;
CREATE INDEX IF NOT EXISTS outcomes_recent ON ${FLEET_SCHEMA}.outcomes (plan_id, recorded_at);
CREATE TABLE IF NOT EXISTS ${FLEET_SCHEMA}.chains (
  plan_id text NOT NULL REFERENCES ${FLEET_SCHEMA}.plans ON DELETE CASCADE,
  chain_index integer NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'done', 'stopped')),
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (plan_id, chain_index)
);
CREATE TABLE IF NOT EXISTS ${FLEET_SCHEMA}.job_failures (
  plan_id text NOT NULL REFERENCES ${FLEET_SCHEMA}.plans ON DELETE CASCADE,
  job text NOT NULL,
  permanent boolean NOT NULL,
  code text NOT NULL,
  message text NOT NULL,
  worker text,
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX IF NOT EXISTS job_failures_plan ON ${FLEET_SCHEMA}.job_failures (plan_id, recorded_at);
CREATE TABLE IF NOT EXISTS ${FLEET_SCHEMA}.job_heartbeats (
  job_id bigint PRIMARY KEY,
  plan_id text NOT NULL,
  process_id text NOT NULL,
  backend_pid integer NOT NULL,
  beat_at timestamptz NOT NULL DEFAULT clock_timestamp()
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
CREATE TABLE IF NOT EXISTS ${FLEET_SCHEMA}.rate_settings (
  budget_key text NOT NULL,
  holder text NOT NULL,
  rate double precision NOT NULL,
  burst double precision NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (budget_key, holder)
);
CREATE TABLE IF NOT EXISTS ${FLEET_SCHEMA}.schema_version (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version integer NOT NULL
);
`;

/** What {@link storedSchemaVersion} finds: no fleet schema at all, or its version (1 when it predates the version table). */
type StoredVersion = { readonly kind: 'absent' } | { readonly kind: 'version'; readonly version: number };

/** Reads the store's schema version without changing anything (a read-only role may call it). */
async function storedSchemaVersion(db: Queryable): Promise<StoredVersion> {
  const { rows } = await db.query<{ versioned: boolean; plans: boolean }>(
    `SELECT to_regclass('${FLEET_SCHEMA}.schema_version') IS NOT NULL AS versioned,
            to_regclass('${FLEET_SCHEMA}.plans') IS NOT NULL AS plans`,
  );
  const found = rows[0];
  if (!found?.versioned) return found?.plans ? { kind: 'version', version: 1 } : { kind: 'absent' };
  const version = await db.query<{ version: number }>(`SELECT version FROM ${FLEET_SCHEMA}.schema_version`);
  return { kind: 'version', version: version.rows[0]?.version ?? 1 };
}

/** The one error of a store whose layout (`version`) is not this orgport's. */
export function versionMismatch(version: number): OrgPortError {
  return new OrgPortError(
    'failed_precondition',
    version > FLEET_SCHEMA_VERSION
      ? `the store's schema is version ${version}, newer than this orgport's (${FLEET_SCHEMA_VERSION}): use the orgport that upgraded it`
      : `the store's schema is version ${version}, older than this orgport's (${FLEET_SCHEMA_VERSION}): start a worker or submit a plan with this orgport to upgrade it`,
    { meta: { storeVersion: version, expectedVersion: FLEET_SCHEMA_VERSION } },
  );
}

/** Whether an error is the store-version refusal of {@link checkFleetSchema} or {@link ensureFleetSchema}. */
export function isSchemaMismatch(error: unknown): boolean {
  return OrgPortError.is(error, 'failed_precondition') && error.meta?.storeVersion !== undefined;
}

/**
 * Checks, reading only, that the store's schema is this orgport's version: throws one clear
 * `failed_precondition` otherwise. Returns false when the store holds no fleet schema yet.
 * `status` and every job use it; it runs no DDL, so it works for a read-only role and never
 * waits behind a writer.
 */
export async function checkFleetSchema(db: Queryable): Promise<boolean> {
  const stored = await storedSchemaVersion(db);
  if (stored.kind === 'absent') return false;
  if (stored.version !== FLEET_SCHEMA_VERSION) throw versionMismatch(stored.version);
  return true;
}

/**
 * Creates the fleet's tables and graphile-worker's schema when absent, and upgrades an
 * older layout; refuses a store whose schema is newer than this orgport's. Safe to call
 * from any number of processes at once (creation is serialized by an advisory lock). A store
 * already at this version costs one read: no DDL, no lock.
 */
export async function ensureFleetSchema(pool: pg.Pool): Promise<void> {
  guardPool(pool);
  const before = await storedSchemaVersion(pool);
  if (before.kind === 'version' && before.version > FLEET_SCHEMA_VERSION)
    throw versionMismatch(before.version);
  if (before.kind === 'absent' || before.version < FLEET_SCHEMA_VERSION) {
    await inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_SPACE.schema]);
      const now = await storedSchemaVersion(client);
      if (now.kind === 'version' && now.version > FLEET_SCHEMA_VERSION) throw versionMismatch(now.version);
      if (now.kind === 'version' && now.version === FLEET_SCHEMA_VERSION) return;
      await client.query(TABLES);
      await client.query(
        `INSERT INTO ${FLEET_SCHEMA}.schema_version (version) VALUES ($1)
         ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version`,
        [FLEET_SCHEMA_VERSION],
      );
    });
  }
  await runMigrations({ pgPool: pool, logger: silentLogger });
}

/** graphile-worker's logger, quiet: the fleet reports through its own events. */
export const silentLogger = new Logger(() => () => undefined);
