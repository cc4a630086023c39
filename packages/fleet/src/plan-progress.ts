import type pg from 'pg';
import { checkFleetSchema, FLEET_SCHEMA } from './fleet-schema.js';

/** Where a plan in the store stands. */
export interface PlanProgress {
  readonly planId: string;
  readonly targetVendor: string;
  readonly submittedAt: string;
  /**
   * `organizations`: being created; `running`: chains queued; `finished`: every chain done;
   * `stopped`: nothing queued, but failures stopped some chains (resume retries them);
   * `journal`: a single-process journal, not run by the fleet.
   */
  readonly state: 'organizations' | 'running' | 'finished' | 'stopped' | 'journal';
  readonly operations: number;
  readonly applied: number;
  readonly skipped: number;
  readonly failed: number;
  /** Operations without an outcome yet (queued, or after a failure in their chain). */
  readonly pending: number;
  readonly chains: {
    readonly total: number;
    readonly queued: number;
    readonly done: number;
    readonly stopped: number;
  };
  /** Outcomes recorded per second over the last `windowSeconds`. */
  readonly ratePerSecond: number;
}

interface ProgressRow {
  plan_id: string;
  target_vendor: string;
  submitted_at: Date;
  fleet: boolean;
  organizations_done: boolean;
  operation_count: number;
  chain_count: number;
  applied: string;
  skipped: string;
  failed: string;
  recent: string;
  queued: string;
  done_chains: string;
  stopped_chains: string;
}

/**
 * Progress of one plan, or of every plan in the store (newest first). Reads only (no DDL, no
 * lock): a read-only role may call it, and it never waits behind a worker. A store of another
 * schema version is refused; a database without a fleet holds no plans.
 */
export async function planProgress(
  pool: pg.Pool,
  options: { planId?: string | undefined; windowSeconds?: number | undefined } = {},
): Promise<PlanProgress[]> {
  if (!(await checkFleetSchema(pool))) return [];
  const windowSeconds = options.windowSeconds ?? 30;
  const { rows } = await pool.query<ProgressRow>(
    `SELECT p.plan_id, p.target_vendor, p.submitted_at, p.plan IS NOT NULL AS fleet,
            p.organizations_done_at IS NOT NULL AS organizations_done, p.operation_count, p.chain_count,
            o.applied, o.skipped, o.failed, o.recent, c.queued, c.done_chains, c.stopped_chains
     FROM ${FLEET_SCHEMA}.plans p
     CROSS JOIN LATERAL (
       SELECT count(*) FILTER (WHERE status = 'applied') AS applied,
              count(*) FILTER (WHERE status = 'skipped') AS skipped,
              count(*) FILTER (WHERE status = 'failed') AS failed,
              count(*) FILTER (WHERE recorded_at > clock_timestamp() - make_interval(secs => $2)) AS recent
       FROM ${FLEET_SCHEMA}.outcomes WHERE plan_id = p.plan_id) o
     CROSS JOIN LATERAL (
       SELECT count(*) FILTER (WHERE state = 'queued') AS queued,
              count(*) FILTER (WHERE state = 'done') AS done_chains,
              count(*) FILTER (WHERE state = 'stopped') AS stopped_chains
       FROM ${FLEET_SCHEMA}.chains WHERE plan_id = p.plan_id) c
     WHERE $1::text IS NULL OR p.plan_id = $1
     ORDER BY p.submitted_at DESC`,
    [options.planId ?? null, windowSeconds],
  );
  return rows.map((row) => {
    const applied = Number(row.applied);
    const skipped = Number(row.skipped);
    const failed = Number(row.failed);
    const chains = {
      total: row.chain_count,
      queued: Number(row.queued),
      done: Number(row.done_chains),
      stopped: Number(row.stopped_chains),
    };
    const state: PlanProgress['state'] = !row.fleet
      ? 'journal'
      : !row.organizations_done
        ? 'organizations'
        : chains.queued > 0
          ? 'running'
          : chains.stopped > 0
            ? 'stopped'
            : 'finished';
    return {
      planId: row.plan_id,
      targetVendor: row.target_vendor,
      submittedAt: row.submitted_at.toISOString(),
      state,
      operations: row.operation_count,
      applied,
      skipped,
      failed,
      pending: Math.max(0, row.operation_count - applied - skipped - failed),
      chains,
      ratePerSecond: Number(row.recent) / windowSeconds,
    };
  });
}
