import type { JournalEntry } from '@orgport/migrate';
import { FLEET_SCHEMA } from './fleet-schema.js';
import type { Queryable } from './queryable.js';

export type { Queryable } from './queryable.js';

/**
 * Records one operation's outcome. The key is (plan, operation): a done outcome (`applied`,
 * `skipped`) is written once and never replaced, whatever runs again after a crash; a
 * `failed` one is replaced by its retry.
 */
export async function recordOutcome(db: Queryable, planId: string, entry: JournalEntry): Promise<void> {
  await db.query(
    `INSERT INTO ${FLEET_SCHEMA}.outcomes AS o (plan_id, operation_id, status, reason, result)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (plan_id, operation_id) DO UPDATE
       SET status = EXCLUDED.status, reason = EXCLUDED.reason, result = EXCLUDED.result,
           attempts = o.attempts + 1, recorded_at = clock_timestamp()
       WHERE o.status = 'failed'`,
    [
      planId,
      entry.id,
      entry.status,
      entry.reason ?? null,
      entry.result ? JSON.stringify(entry.result) : null,
    ],
  );
}

interface OutcomeRow {
  operation_id: string;
  status: JournalEntry['status'];
  reason: string | null;
  result: Record<string, string> | null;
}

/** The recorded outcomes of a plan's operations (all of them without `ids`). */
export async function loadOutcomes(
  db: Queryable,
  planId: string,
  ids?: readonly string[],
): Promise<Map<string, JournalEntry>> {
  const { rows } = await db.query<OutcomeRow>(
    `SELECT operation_id, status, reason, result FROM ${FLEET_SCHEMA}.outcomes
     WHERE plan_id = $1 AND ($2::text[] IS NULL OR operation_id = ANY($2::text[]))`,
    [planId, ids ? [...ids] : null],
  );
  const entries = new Map<string, JournalEntry>();
  for (const row of rows)
    entries.set(row.operation_id, {
      id: row.operation_id,
      status: row.status,
      reason: row.reason ?? undefined,
      result: row.result ?? undefined,
    });
  return entries;
}

/** Whether a recorded outcome counts as done (a failure is retried). */
export const isDoneEntry = (entry: JournalEntry | undefined): boolean =>
  entry !== undefined && entry.status !== 'failed';
