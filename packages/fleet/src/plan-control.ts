import { OrgPortError } from '@orgport/core';
import type pg from 'pg';
import { checkFleetSchema, FLEET_SCHEMA } from './fleet-schema.js';
import { inTransaction } from './in-transaction.js';

/** Removes a plan's queued jobs; a job running now cannot be removed, but is kept from retrying. */
async function removeJobs(client: pg.PoolClient, planId: string): Promise<void> {
  await client.query(
    // The jobs view has no payload: graphile-worker's own table does.
    `SELECT graphile_worker.remove_job(key) FROM graphile_worker._private_jobs
     WHERE key IS NOT NULL AND payload->>'planId' = $1`,
    [planId],
  );
}

const notFound = (planId: string) => new OrgPortError('not_found', `plan ${planId} is not in the store`);

/**
 * Cancels a plan in the store: its queued jobs are removed, and workers stop its running
 * jobs between operations (within their sweep interval). What is done stays done and
 * recorded; `status` shows it `cancelled`; `submitPlan(…, { resume: true })` takes it up
 * again. Cancelling a cancelled plan changes nothing.
 */
export async function cancelPlan(pool: pg.Pool, planId: string): Promise<void> {
  if (!(await checkFleetSchema(pool))) throw notFound(planId);
  await inTransaction(pool, async (client) => {
    const { rowCount } = await client.query(
      `UPDATE ${FLEET_SCHEMA}.plans SET cancelled_at = coalesce(cancelled_at, clock_timestamp()) WHERE plan_id = $1`,
      [planId],
    );
    if (rowCount !== 1) throw notFound(planId);
    await removeJobs(client, planId);
  });
}

/**
 * Forgets a plan: cancels it, then deletes it with every outcome, chain and failure
 * recorded for it, so the same plan id can be submitted afresh (e.g. after the target was
 * reset). Operations in flight at that moment still finish at the target.
 */
export async function forgetPlan(pool: pg.Pool, planId: string): Promise<void> {
  if (!(await checkFleetSchema(pool))) throw notFound(planId);
  await inTransaction(pool, async (client) => {
    const { rowCount } = await client.query(`DELETE FROM ${FLEET_SCHEMA}.plans WHERE plan_id = $1`, [planId]);
    if (rowCount !== 1) throw notFound(planId);
    await removeJobs(client, planId);
    await client.query(`DELETE FROM ${FLEET_SCHEMA}.job_heartbeats WHERE plan_id = $1`, [planId]);
  });
}
