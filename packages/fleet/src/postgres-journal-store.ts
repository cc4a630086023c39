import { OrgPortError } from '@orgport/core';
import { type JournalPlan, type JournalRun, type JournalStore, memberChains } from '@orgport/migrate';
import type pg from 'pg';
import { advisoryKey, LOCK_SPACE } from './advisory-key.js';
import { ensureFleetSchema, FLEET_SCHEMA } from './fleet-schema.js';
import { tryHoldLock } from './held-lock.js';
import { isDoneEntry, loadOutcomes, type Queryable, recordOutcome } from './outcome-table.js';

/**
 * How many consecutive chains one job runs: enough that the job engine's own cost per job
 * is small beside the writes, few enough that a plan still spreads over 64 jobs or more.
 */
export const chainsPerJob = (chains: number): number => Math.min(16, Math.max(1, Math.ceil(chains / 64)));

/**
 * Inserts a plan's row, or finds the one there. Returns whether it existed and whether it
 * was submitted to the fleet (it holds the plan) rather than run by one process.
 */
export async function registerPlan(
  db: Queryable,
  plan: JournalPlan,
  body: JournalPlan | null,
  connection?: string,
): Promise<{ existed: boolean; fleet: boolean }> {
  const chains = memberChains(plan.operations).length;
  const inserted = await db.query(
    `INSERT INTO ${FLEET_SCHEMA}.plans
       (plan_id, plan, target_vendor, operation_count, chain_count, chains_per_job, target_connection)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (plan_id) DO NOTHING`,
    [
      plan.planId,
      body ? JSON.stringify(body) : null,
      plan.target.vendor,
      plan.operations.length,
      chains,
      chainsPerJob(chains),
      connection ?? null,
    ],
  );
  if (inserted.rowCount === 1) return { existed: false, fleet: body !== null };
  const { rows } = await db.query<{ fleet: boolean }>(
    `SELECT plan IS NOT NULL AS fleet FROM ${FLEET_SCHEMA}.plans WHERE plan_id = $1`,
    [plan.planId],
  );
  return { existed: true, fleet: rows[0]?.fleet ?? false };
}

/**
 * The PostgreSQL journal as a {@link JournalStore}, for `applyMigration` in one process
 * (the fleet's workers share the same tables). One database holds the journals of many
 * plans; a run holds its plan's advisory lock on a connection of its own while it lasts,
 * so a second runner (on any machine) is refused, and a runner that dies lets go at once.
 */
export function postgresJournalStore(pool: pg.Pool): JournalStore {
  return {
    async open(plan, resume) {
      await ensureFleetSchema(pool);
      const lock = await tryHoldLock(pool, LOCK_SPACE.plan, advisoryKey(plan.planId));
      if (!lock)
        throw new OrgPortError('failed_precondition', `plan ${plan.planId} is being run by another process`);
      try {
        const { existed, fleet } = await registerPlan(lock.client, plan, null);
        if (fleet)
          throw new OrgPortError(
            'failed_precondition',
            `plan ${plan.planId} was submitted to the fleet: its workers run it (orgport worker, or migrate --store --resume)`,
          );
        if (existed && !resume)
          throw new OrgPortError(
            'failed_precondition',
            `the store already holds a journal of plan ${plan.planId}: pass resume to continue that run`,
          );
        const entries = await loadOutcomes(lock.client, plan.planId);
        const run: JournalRun = {
          get: (id) => entries.get(id),
          isDone: (id) => isDoneEntry(entries.get(id)),
          async record(entry) {
            await recordOutcome(pool, plan.planId, entry);
            entries.set(entry.id, entry);
          },
          repairedBytes: 0,
          close: lock.release,
        };
        return run;
      } catch (error) {
        await lock.release();
        throw error;
      }
    },
  };
}
