import type { Directory, Logger, Tracer } from '@orgport/core';
import { OrgPortError } from '@orgport/core';
import {
  CurrentGrants,
  createOperationRunner,
  type JournalView,
  loadPlan,
  type MemberOperation,
  type MigrationOperation,
  memberChains,
  type OperationOutcome,
} from '@orgport/migrate';
import type { JobHelpers, TaskList } from 'graphile-worker';
import type pg from 'pg';
import { advisoryKey, LOCK_SPACE } from './advisory-key.js';
import { failureCode, isPermanentFailure } from './failure-kind.js';
import { FLEET_SCHEMA, FLEET_SCHEMA_VERSION, isSchemaMismatch, versionMismatch } from './fleet-schema.js';
import { TASK } from './fleet-task-names.js';
import { tryHoldLock } from './held-lock.js';
import { isDoneEntry, loadOutcomes, recordOutcome } from './outcome-table.js';

/** What a worker knows of one plan, loaded once and dropped when the plan is finished. */
interface PlanContext {
  /** The plan's `create_organization` operations, in plan order. */
  readonly created: readonly MigrationOperation[];
  readonly chains: readonly MemberOperation[][];
  readonly target: Directory;
  readonly organizationIds: Map<string, string>;
  /** One read of an organization's members serves every chain of it this worker runs. */
  readonly currentGrants: CurrentGrants;
  /** Aborted when the plan is cancelled or forgotten: its running jobs stop between operations. */
  readonly abort: AbortController;
}

/** Where a plan writes: its target vendor, and the connection name it was submitted with. */
export interface PlanTarget {
  readonly vendor: string;
  readonly connection?: string | undefined;
}

/** A failure a worker met: one operation's, or a whole job's. */
export interface FleetFailure {
  readonly planId: string;
  /** `organizations`, or `chains <first>` (the job's first chain). */
  readonly job: string;
  /** The operation that failed, when it is an operation's failure. */
  readonly operationId?: string | undefined;
  /** The error's code (`unavailable`, `not_found`, `store 42703`…): what failures are grouped by. */
  readonly code: string;
  readonly message: string;
  /**
   * True when no retry can cure it: the job ended for good (its chains, or the whole plan
   * when it does not load or its target cannot be opened, are stopped). False: the job is
   * retried later. An operation's failure stops its chain until `--resume`.
   */
  readonly permanent: boolean;
}

/** What the fleet's tasks need from their worker. */
export interface FleetTaskEnvironment {
  readonly pool: pg.Pool;
  /** The target directory of a plan (opened once per worker and target). */
  target(target: PlanTarget): Promise<Directory>;
  /** Aborted when the worker stops or loses its database session. */
  readonly signal: AbortSignal;
  /** The worker's identity, recorded with its failures and heartbeats. */
  readonly workerId: string;
  /** A job that records nothing for this long may be taken back by another worker's sweep; it beats 4 times as often. */
  readonly stallMs: number;
  /** Told after every operation outcome this worker records. */
  readonly onOutcome?: ((planId: string, status: string) => void) | undefined;
  /** Told of every failure, once. */
  readonly onFailure?: ((failure: FleetFailure) => void) | undefined;
  /** Told when the store's schema is not this orgport's (the worker must stop). */
  readonly onSchemaMismatch?: ((error: OrgPortError) => void) | undefined;
  /** Records a span per operation run. */
  readonly tracer?: Tracer | undefined;
  /** Told of every operation's outcome (failures `warn`, the rest `debug`). */
  readonly logger?: Logger | undefined;
}

/** The fleet's tasks and what the worker asks of them. */
export interface FleetTasks {
  readonly taskList: TaskList;
  /** How many plans this worker holds data of (loaded plans, their chains and caches). */
  retainedPlans(): number;
  /** The ids of those plans. */
  heldPlans(): string[];
  /** Stops the running jobs of a plan that was cancelled or forgotten, and drops its data. */
  cancel(planId: string): void;
}

const payloadOf = (payload: unknown, keys: readonly string[]): Record<string, unknown> => {
  if (typeof payload !== 'object' || payload === null || keys.some((key) => !(key in payload)))
    throw new OrgPortError('invalid_argument', `fleet job payload must have ${keys.join(', ')}`);
  return payload as Record<string, unknown>;
};

/** A second copy of a job while the first runs: retried later, and not a failure worth telling. */
class Busy extends OrgPortError {
  constructor(message: string) {
    super('unavailable', message);
  }
}

/**
 * The graphile-worker tasks of the fleet: creating a plan's organizations (then queueing
 * its chains), and running a run of member chains, each job under an advisory lock of its
 * own, journaled operation by operation in the store. A job that fails permanently (see
 * {@link isPermanentFailure}) is recorded and ends: never retried. A plan's data is
 * dropped once nothing of it is queued.
 */
export function fleetTasks(environment: FleetTaskEnvironment): FleetTasks {
  const { pool } = environment;
  const contexts = new Map<string, Promise<PlanContext>>();
  const aborts = new Map<string, AbortController>();
  const active = new Map<string, number>();

  const load = async (planId: string, abort: AbortController): Promise<PlanContext> => {
    const { rows } = await pool.query<{ plan: unknown; target_connection: string | null }>(
      `SELECT plan, target_connection FROM ${FLEET_SCHEMA}.plans WHERE plan_id = $1 AND plan IS NOT NULL`,
      [planId],
    );
    if (!rows[0]) throw new OrgPortError('not_found', `plan ${planId} is not in the store`);
    // The stored plan is checked like a plan file: a tampered one is refused.
    const plan = loadPlan(rows[0].plan, `stored plan ${planId}`);
    if (plan.planId !== planId)
      throw new OrgPortError('invalid_argument', `stored plan ${planId} holds plan ${plan.planId}`);
    const target = await environment.target({
      vendor: plan.target.vendor,
      connection: rows[0].target_connection ?? undefined,
    });
    if (target.name !== plan.target.vendor)
      throw new OrgPortError(
        'failed_precondition',
        `plan ${planId} targets ${plan.target.vendor}, but the worker opened ${target.name}`,
      );
    const organizationIds = new Map<string, string>();
    const created = plan.operations.filter((operation) => operation.type === 'create_organization');
    const outcomes = await loadOutcomes(
      pool,
      planId,
      created.map((operation) => operation.id),
    );
    for (const operation of created) {
      const id = outcomes.get(operation.id)?.result?.organizationId;
      if (id) organizationIds.set(operation.organization.name, id);
    }
    return {
      created,
      chains: memberChains(plan.operations),
      target,
      organizationIds,
      currentGrants: new CurrentGrants(target),
      abort,
    };
  };
  const context = (planId: string): Promise<PlanContext> => {
    let found = contexts.get(planId);
    if (!found) {
      const abort = new AbortController();
      aborts.set(planId, abort);
      found = load(planId, abort);
      const loading = found;
      loading.catch(() => {
        if (contexts.get(planId) === loading) drop(planId);
      });
      contexts.set(planId, found);
    }
    return found;
  };
  const drop = (planId: string) => {
    contexts.delete(planId);
    aborts.delete(planId);
  };

  /** Drops a plan's data when nothing of it is queued any more (finished, stopped, failed, cancelled or gone). */
  const dropIfFinished = async (planId: string): Promise<void> => {
    const { rows } = await pool.query<{ finished: boolean }>(
      `SELECT p.failed_at IS NOT NULL OR p.cancelled_at IS NOT NULL
              OR (p.organizations_done_at IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM ${FLEET_SCHEMA}.chains c WHERE c.plan_id = p.plan_id AND c.state = 'queued')) AS finished
       FROM ${FLEET_SCHEMA}.plans p WHERE p.plan_id = $1`,
      [planId],
    );
    if ((rows[0]?.finished ?? true) && !active.get(planId)) drop(planId);
  };

  /** Whether a plan may be worked on, read with the store's version in one query. */
  const standing = async (planId: string): Promise<'open' | 'closed'> => {
    const { rows } = await pool.query<{ version: number | null; open: boolean | null }>(
      `SELECT (SELECT version FROM ${FLEET_SCHEMA}.schema_version) AS version,
              (SELECT failed_at IS NULL AND cancelled_at IS NULL FROM ${FLEET_SCHEMA}.plans WHERE plan_id = $1) AS open`,
      [planId],
    );
    const version = rows[0]?.version ?? 1;
    if (version !== FLEET_SCHEMA_VERSION) throw versionMismatch(version);
    return rows[0]?.open ? 'open' : 'closed';
  };

  const report = (failure: FleetFailure) => {
    try {
      environment.onFailure?.(failure);
    } catch {
      // A failing listener must not fail the job.
    }
  };

  /** A journal view over the outcomes of some operations, recording to the store. */
  const journalOf = async (
    planId: string,
    ids: readonly string[],
    beat: () => void,
  ): Promise<JournalView> => {
    const entries = await loadOutcomes(pool, planId, ids);
    return {
      get: (id) => entries.get(id),
      isDone: (id) => isDoneEntry(entries.get(id)),
      async record(entry) {
        await recordOutcome(pool, planId, entry);
        entries.set(entry.id, entry);
        beat();
        environment.onOutcome?.(planId, entry.status);
      },
    };
  };

  /** Records an operation's failure reason code, and tells it once. */
  const operationFailed = async (planId: string, job: string, outcome: OperationOutcome): Promise<void> => {
    const code = outcome.code ?? 'internal';
    // Best effort: a store that cannot take the code still has the failure and its reason.
    await pool
      .query(
        `UPDATE ${FLEET_SCHEMA}.outcomes SET code = $3 WHERE plan_id = $1 AND operation_id = $2 AND status = 'failed'`,
        [planId, outcome.operation.id, code],
      )
      .catch(() => undefined);
    report({
      planId,
      job,
      operationId: outcome.operation.id,
      code,
      message: outcome.reason ?? 'failed',
      permanent: false,
    });
  };

  /**
   * Runs one job of a plan: checks the store's version and the plan's standing, holds the
   * job's advisory lock and heartbeat, and sorts what it fails with into retried (thrown)
   * and permanent (recorded, the job ends).
   */
  const runJob = async (
    planId: string,
    job: string,
    lockName: string,
    helpers: JobHelpers,
    body: (plan: PlanContext, signal: AbortSignal, beat: () => void) => Promise<void>,
    onPermanent: (client: pg.Pool) => Promise<void>,
  ): Promise<void> => {
    try {
      if ((await standing(planId)) === 'closed') {
        await dropIfFinished(planId);
        return;
      }
    } catch (error) {
      if (isSchemaMismatch(error)) environment.onSchemaMismatch?.(error as OrgPortError);
      throw error;
    }
    active.set(planId, (active.get(planId) ?? 0) + 1);
    let planLevel = true;
    let plan: PlanContext | undefined;
    try {
      const lock = await tryHoldLock(pool, LOCK_SPACE.chain, advisoryKey(lockName));
      if (!lock) throw new Busy(`${job} of plan ${planId} is being run elsewhere`);
      try {
        // The heartbeat names the lock's session: a sweep that finds the job stalled ends
        // that session, which stops this job and frees its chains for another worker.
        await lock.client.query(
          `INSERT INTO ${FLEET_SCHEMA}.job_heartbeats (job_id, plan_id, process_id, backend_pid)
           VALUES ($1, $2, $3, pg_backend_pid())
           ON CONFLICT (job_id) DO UPDATE SET process_id = EXCLUDED.process_id,
             backend_pid = EXCLUDED.backend_pid, beat_at = clock_timestamp()`,
          [helpers.job.id, planId, environment.workerId],
        );
        let lastBeat = performance.now();
        const beat = () => {
          if (performance.now() - lastBeat < environment.stallMs / 4) return;
          lastBeat = performance.now();
          pool
            .query(
              `UPDATE ${FLEET_SCHEMA}.job_heartbeats SET beat_at = clock_timestamp() WHERE job_id = $1`,
              [helpers.job.id],
            )
            .catch(() => undefined);
        };
        plan = await context(planId);
        planLevel = false;
        await body(plan, AbortSignal.any([environment.signal, lock.lost, plan.abort.signal]), beat);
      } finally {
        await pool
          .query(`DELETE FROM ${FLEET_SCHEMA}.job_heartbeats WHERE job_id = $1`, [helpers.job.id])
          .catch(() => undefined);
        await lock.release();
      }
    } catch (error) {
      // Cancelled or forgotten meanwhile: the job ends with nothing more to do.
      if (plan?.abort.signal.aborted) return;
      if (error instanceof Busy) throw error;
      const permanent = !environment.signal.aborted && !isSchemaMismatch(error) && isPermanentFailure(error);
      const failure: FleetFailure = {
        planId,
        job,
        code: failureCode(error),
        message: error instanceof Error ? error.message : String(error),
        permanent,
      };
      await pool
        .query(
          `INSERT INTO ${FLEET_SCHEMA}.job_failures (plan_id, job, permanent, code, message, worker)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [planId, job, permanent, failure.code, failure.message, environment.workerId],
        )
        .catch(() => undefined);
      report(failure);
      if (!permanent) throw error;
      // Recorded where status shows it; the job ends and is never retried. A plan that does
      // not load (or whose target cannot be opened) fails as a whole.
      if (planLevel || job === 'organizations')
        await pool.query(
          `UPDATE ${FLEET_SCHEMA}.plans SET failure = $2, failed_at = clock_timestamp()
           WHERE plan_id = $1 AND failed_at IS NULL`,
          [planId, failure.message],
        );
      else await onPermanent(pool);
    } finally {
      const left = (active.get(planId) ?? 1) - 1;
      if (left > 0) active.set(planId, left);
      else active.delete(planId);
      await dropIfFinished(planId).catch(() => undefined);
    }
  };

  const taskList: TaskList = {
    async [TASK.organizations](payload, helpers) {
      const planId = String(payloadOf(payload, ['planId']).planId);
      await runJob(
        planId,
        'organizations',
        `${planId}:organizations`,
        helpers,
        async ({ created, chains, target, organizationIds }, signal, beat) => {
          const runner = createOperationRunner({
            target,
            tracer: environment.tracer,
            logger: environment.logger,
            journal: await journalOf(
              planId,
              created.map((operation) => operation.id),
              beat,
            ),
            signal,
            organizationIds,
          });
          for (const operation of created) await runner.execute(operation);
          // Queue every run of chains not all done yet, in one statement (a run already queued
          // is queued again harmlessly: its advisory lock keeps one runner per run). A run's
          // priority is its place in its plan, so the runs of plans submitted together are
          // taken in turn: every tenant progresses at its own rate limit at once.
          await pool.query(
            `WITH queued AS (
               INSERT INTO ${FLEET_SCHEMA}.chains AS c (plan_id, chain_index, state)
               SELECT $1, i, 'queued' FROM generate_series(0, $2::int - 1) AS i
               ON CONFLICT (plan_id, chain_index) DO UPDATE SET state = 'queued', updated_at = clock_timestamp()
                 WHERE c.state <> 'done'
               RETURNING chain_index),
             runs AS (
               SELECT DISTINCT (chain_index / p.chains_per_job) * p.chains_per_job AS first, p.chains_per_job AS size
               FROM queued, ${FLEET_SCHEMA}.plans p WHERE p.plan_id = $1)
             SELECT graphile_worker.add_jobs(array_agg(ROW(
                      $3, json_build_object('planId', $1::text, 'first', first, 'count', least(size, $2::int - first)),
                      NULL, NULL, 100, $1 || ':chains:' || first, least(first / size, 32767)::int, NULL
                    )::graphile_worker.job_spec))
             FROM runs HAVING count(*) > 0`,
            [planId, chains.length, TASK.chains],
          );
          await pool.query(
            `UPDATE ${FLEET_SCHEMA}.plans SET organizations_done_at = clock_timestamp() WHERE plan_id = $1`,
            [planId],
          );
        },
        async () => undefined,
      );
    },

    async [TASK.chains](payload, helpers) {
      const fields = payloadOf(payload, ['planId', 'first', 'count']);
      const planId = String(fields.planId);
      const first = Number(fields.first);
      const count = Number(fields.count);
      const indexes = Array.from({ length: Math.max(0, count) }, (_, offset) => first + offset);
      const job = `chains ${first}`;
      // The lock's name is the one earlier versions used for a run of chains.
      await runJob(
        planId,
        job,
        `${planId}:${first}`,
        helpers,
        async ({ chains, target, organizationIds, currentGrants }, signal, beat) => {
          const batch = chains.slice(first, first + count);
          if (batch.length === 0)
            throw new OrgPortError('invalid_argument', `plan ${planId} has no chain ${first}`);
          const stopped = new Set<number>();
          let current = first;
          const failures: Promise<void>[] = [];
          const runner = createOperationRunner({
            target,
            tracer: environment.tracer,
            logger: environment.logger,
            journal: await journalOf(
              planId,
              batch.flat().map((operation) => operation.id),
              beat,
            ),
            signal,
            organizationIds,
            currentGrants,
            onOutcome(outcome) {
              if (outcome.status === 'failed' || outcome.status === 'blocked') stopped.add(current);
              if (outcome.status === 'failed') failures.push(operationFailed(planId, job, outcome));
            },
          });
          for (const [offset, chain] of batch.entries()) {
            current = first + offset;
            await runner.runChain(chain);
          }
          await Promise.all(failures);
          const done = batch.map((_, offset) => first + offset);
          await pool.query(
            `UPDATE ${FLEET_SCHEMA}.chains AS c SET state = u.state, updated_at = clock_timestamp()
             FROM unnest($2::int[], $3::text[]) AS u(chain_index, state)
             WHERE c.plan_id = $1 AND c.chain_index = u.chain_index`,
            [planId, done, done.map((index) => (stopped.has(index) ? 'stopped' : 'done'))],
          );
        },
        // A job that can never succeed stops its chains: status shows why, --resume retries them.
        async (db) => {
          await db.query(
            `UPDATE ${FLEET_SCHEMA}.chains SET state = 'stopped', updated_at = clock_timestamp()
             WHERE plan_id = $1 AND chain_index = ANY($2::int[]) AND state = 'queued'`,
            [planId, indexes],
          );
        },
      );
    },
  };

  return {
    taskList,
    retainedPlans: () => contexts.size,
    heldPlans: () => [...contexts.keys()],
    cancel(planId) {
      aborts.get(planId)?.abort(new OrgPortError('cancelled', `plan ${planId} was cancelled`));
      drop(planId);
    },
  };
}
