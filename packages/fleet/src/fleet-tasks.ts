import type { Directory } from '@orgport/core';
import { OrgPortError } from '@orgport/core';
import {
  CurrentGrants,
  createOperationRunner,
  type JournalView,
  loadPlan,
  type MemberOperation,
  type MigrationOperation,
  memberChains,
} from '@orgport/migrate';
import type { TaskList } from 'graphile-worker';
import type pg from 'pg';
import { advisoryKey, LOCK_SPACE } from './advisory-key.js';
import { FLEET_SCHEMA } from './fleet-schema.js';
import { TASK } from './fleet-task-names.js';
import { tryHoldLock } from './held-lock.js';
import { isDoneEntry, loadOutcomes, recordOutcome } from './outcome-table.js';

/** What a worker knows of one plan, loaded once. */
interface PlanContext {
  /** The plan's `create_organization` operations, in plan order. */
  readonly created: readonly MigrationOperation[];
  readonly chains: readonly MemberOperation[][];
  readonly target: Directory;
  readonly organizationIds: Map<string, string>;
  /** One read of an organization's members serves every chain of it this worker runs. */
  readonly currentGrants: CurrentGrants;
}

/** Where a plan writes: its target vendor, and the connection name it was submitted with. */
export interface PlanTarget {
  readonly vendor: string;
  readonly connection?: string | undefined;
}

/** What the fleet's tasks need from their worker. */
export interface FleetTaskEnvironment {
  readonly pool: pg.Pool;
  /** The target directory of a plan (opened once per worker and target). */
  target(target: PlanTarget): Promise<Directory>;
  /** Aborted when the worker stops or loses its database session. */
  readonly signal: AbortSignal;
  /** Told after every operation outcome this worker records. */
  readonly onOutcome?: ((planId: string, status: string) => void) | undefined;
}

const payloadOf = (payload: unknown, keys: readonly string[]): Record<string, unknown> => {
  if (typeof payload !== 'object' || payload === null || keys.some((key) => !(key in payload)))
    throw new OrgPortError('invalid_argument', `fleet job payload must have ${keys.join(', ')}`);
  return payload as Record<string, unknown>;
};

/**
 * The graphile-worker tasks of the fleet: creating a plan's organizations (then queueing
 * its chains), and running one member chain under an advisory lock of its own, journaled
 * operation by operation in the store.
 */
export function fleetTasks(environment: FleetTaskEnvironment): TaskList {
  const { pool } = environment;
  const contexts = new Map<string, Promise<PlanContext>>();

  const load = async (planId: string): Promise<PlanContext> => {
    const { rows } = await pool.query<{ plan: unknown; target_connection: string | null }>(
      `SELECT plan, target_connection FROM ${FLEET_SCHEMA}.plans WHERE plan_id = $1 AND plan IS NOT NULL`,
      [planId],
    );
    if (!rows[0]) throw new OrgPortError('not_found', `plan ${planId} is not in the store`);
    // The stored plan is checked like a plan file: a tampered one is refused.
    const plan = loadPlan(rows[0].plan, `stored plan ${planId}`);
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
    };
  };
  const context = (planId: string): Promise<PlanContext> => {
    let found = contexts.get(planId);
    if (!found) {
      found = load(planId);
      found.catch(() => contexts.delete(planId));
      contexts.set(planId, found);
    }
    return found;
  };

  /** A journal view over the outcomes of some operations, recording to the store. */
  const journalOf = async (planId: string, ids: readonly string[]): Promise<JournalView> => {
    const entries = await loadOutcomes(pool, planId, ids);
    return {
      get: (id) => entries.get(id),
      isDone: (id) => isDoneEntry(entries.get(id)),
      async record(entry) {
        await recordOutcome(pool, planId, entry);
        entries.set(entry.id, entry);
        environment.onOutcome?.(planId, entry.status);
      },
    };
  };

  return {
    async [TASK.organizations](payload) {
      const planId = String(payloadOf(payload, ['planId']).planId);
      const { created, chains, target, organizationIds } = await context(planId);
      const runner = createOperationRunner({
        target,
        journal: await journalOf(
          planId,
          created.map((operation) => operation.id),
        ),
        signal: environment.signal,
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

    async [TASK.chains](payload) {
      const fields = payloadOf(payload, ['planId', 'first', 'count']);
      const planId = String(fields.planId);
      const first = Number(fields.first);
      const { chains, target, organizationIds, currentGrants } = await context(planId);
      const batch = chains.slice(first, first + Number(fields.count));
      if (batch.length === 0)
        throw new OrgPortError('invalid_argument', `plan ${planId} has no chain ${first}`);
      // One runner per chain, on any machine: the lock lives on a connection of this run,
      // so it is gone the moment this process or its session dies.
      const lock = await tryHoldLock(pool, LOCK_SPACE.chain, advisoryKey(`${planId}:${first}`));
      if (!lock)
        throw new OrgPortError(
          'failed_precondition',
          `chains from ${first} of plan ${planId} are being run elsewhere`,
        );
      try {
        const stopped = new Set<number>();
        let current = first;
        const runner = createOperationRunner({
          target,
          journal: await journalOf(
            planId,
            batch.flat().map((operation) => operation.id),
          ),
          signal: AbortSignal.any([environment.signal, lock.lost]),
          organizationIds,
          currentGrants,
          onOutcome(outcome) {
            if (outcome.status === 'failed' || outcome.status === 'blocked') stopped.add(current);
          },
        });
        for (const [offset, chain] of batch.entries()) {
          current = first + offset;
          await runner.runChain(chain);
        }
        const indexes = batch.map((_, offset) => first + offset);
        await pool.query(
          `UPDATE ${FLEET_SCHEMA}.chains AS c SET state = u.state, updated_at = clock_timestamp()
           FROM unnest($2::int[], $3::text[]) AS u(chain_index, state)
           WHERE c.plan_id = $1 AND c.chain_index = u.chain_index`,
          [planId, indexes, indexes.map((index) => (stopped.has(index) ? 'stopped' : 'done'))],
        );
      } finally {
        await lock.release();
      }
    },
  };
}
