import { OrgPortError } from '@orgport/core';
import type { MigrationPlan } from '@orgport/migrate';
import type pg from 'pg';
import { ensureFleetSchema, FLEET_SCHEMA } from './fleet-schema.js';
import { TASK } from './fleet-task-names.js';
import { inTransaction } from './in-transaction.js';
import { registerPlan } from './postgres-journal-store.js';

/** Options of {@link submitPlan}. */
export interface SubmitPlanOptions {
  /** Continue a plan already in the store: its failures are retried, what is done stays done. */
  readonly resume?: boolean | undefined;
  /**
   * The name of the target connection workers open for this plan (each worker resolves it
   * from its own configuration, so no secret is stored). Without one, workers use their
   * default connection for the plan's vendor.
   */
  readonly connection?: string | undefined;
}

/**
 * Puts a plan in the store for the fleet's workers: the plan itself, and one job that
 * creates its organizations and then queues a job per member chain. Nothing is sent to
 * the target here. A plan already in the store is refused unless `resume`, which queues
 * again every chain not yet done (a failure stopped it, or its job was lost) and takes up a
 * cancelled or failed plan again; a resume whose plan differs from the stored one (same id,
 * other contents) is refused.
 */
export async function submitPlan(
  pool: pg.Pool,
  plan: MigrationPlan,
  options: SubmitPlanOptions = {},
): Promise<void> {
  await ensureFleetSchema(pool);
  await inTransaction(pool, async (client) => {
    const { existed, fleet } = await registerPlan(client, plan, plan, options.connection);
    if (existed && !fleet)
      throw new OrgPortError(
        'failed_precondition',
        `plan ${plan.planId} has a single-process journal in this store: resume it with that process`,
      );
    if (existed && !options.resume)
      throw new OrgPortError(
        'failed_precondition',
        `plan ${plan.planId} is already in the store: pass --resume to continue it`,
      );
    if (existed) {
      // What is done in the store was done for the stored plan: a resume with other contents
      // under the same id would report it as done for this one.
      const { rows } = await client.query<{ same: boolean }>(
        `SELECT plan = $2::jsonb AS same FROM ${FLEET_SCHEMA}.plans WHERE plan_id = $1 FOR UPDATE`,
        [plan.planId, JSON.stringify(plan)],
      );
      if (!rows[0]?.same)
        throw new OrgPortError(
          'failed_precondition',
          `the store's plan ${plan.planId} differs from the plan given: resume with the plan that was submitted, or forget the stored one first (orgport status --store … --forget ${plan.planId})`,
        );
      // A resume takes up a cancelled or failed plan again, and starts its failure record afresh.
      await client.query(
        `UPDATE ${FLEET_SCHEMA}.plans SET cancelled_at = NULL, failed_at = NULL, failure = NULL WHERE plan_id = $1`,
        [plan.planId],
      );
      await client.query(`DELETE FROM ${FLEET_SCHEMA}.job_failures WHERE plan_id = $1`, [plan.planId]);
      await client.query(
        `UPDATE ${FLEET_SCHEMA}.chains SET state = 'queued', updated_at = clock_timestamp()
         WHERE plan_id = $1 AND state = 'stopped'`,
        [plan.planId],
      );
      await client.query(`UPDATE ${FLEET_SCHEMA}.plans SET organizations_done_at = NULL WHERE plan_id = $1`, [
        plan.planId,
      ]);
    }
    await client.query('SELECT graphile_worker.add_job($1, $2::json, job_key := $3, max_attempts := 100)', [
      TASK.organizations,
      JSON.stringify({ planId: plan.planId }),
      `${plan.planId}:organizations`,
    ]);
  });
}
