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
   * `failed`: the plan cannot run at all (see `failure`; resume tries again); `cancelled`:
   * cancelled in the store; `journal`: a single-process journal, not run by the fleet.
   */
  readonly state: 'organizations' | 'running' | 'finished' | 'stopped' | 'failed' | 'cancelled' | 'journal';
  /** Why the plan failed as a whole (`state` is `failed`): its stored copy does not load, its target cannot be opened… */
  readonly failure?: string | undefined;
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
  /**
   * What went wrong, by reason: failed operations grouped by their error code, then job
   * failures (a job that could not run; `permanent` when it will not be retried), each with
   * a few example messages. Empty when nothing failed.
   */
  readonly failures: readonly FailureGroup[];
}

/** Failures of one kind and reason. */
export interface FailureGroup {
  /** `operation`: operations that failed (their chains wait for a resume); `job`: jobs that failed. */
  readonly source: 'operation' | 'job';
  /** The error code (`unavailable`, `permission_denied`, `store 42703`…). */
  readonly code: string;
  /** Whether these job failures end the job for good (always false for operations, which a resume retries). */
  readonly permanent: boolean;
  readonly count: number;
  /** Up to three distinct messages. */
  readonly examples: readonly string[];
}

interface FailureRow {
  plan_id: string;
  source: 'operation' | 'job';
  code: string;
  permanent: boolean;
  count: string;
  examples: string[];
}

interface ProgressRow {
  plan_id: string;
  target_vendor: string;
  submitted_at: Date;
  fleet: boolean;
  failure: string | null;
  cancelled: boolean;
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
            CASE WHEN p.failed_at IS NOT NULL THEN p.failure END AS failure, p.cancelled_at IS NOT NULL AS cancelled,
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
  const failures = new Map<string, FailureGroup[]>();
  if (rows.length > 0) {
    const grouped = await pool.query<FailureRow>(
      `SELECT plan_id, 'operation' AS source, coalesce(code, 'internal') AS code, false AS permanent, count(*) AS count,
              (array_agg(DISTINCT reason))[1:3] AS examples
       FROM ${FLEET_SCHEMA}.outcomes WHERE plan_id = ANY($1::text[]) AND status = 'failed'
       GROUP BY plan_id, coalesce(code, 'internal')
       UNION ALL
       SELECT plan_id, 'job', code, permanent, count(*), (array_agg(DISTINCT message))[1:3]
       FROM ${FLEET_SCHEMA}.job_failures WHERE plan_id = ANY($1::text[])
       GROUP BY plan_id, code, permanent
       ORDER BY 1, 2 DESC, 5 DESC, 3`,
      [rows.map((row) => row.plan_id)],
    );
    for (const group of grouped.rows) {
      const list = failures.get(group.plan_id) ?? [];
      list.push({
        source: group.source,
        code: group.code,
        permanent: group.permanent,
        count: Number(group.count),
        examples: group.examples,
      });
      failures.set(group.plan_id, list);
    }
  }
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
      : row.cancelled
        ? 'cancelled'
        : row.failure !== null
          ? 'failed'
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
      ...(row.failure !== null ? { failure: row.failure } : {}),
      failures: failures.get(row.plan_id) ?? [],
    };
  });
}
