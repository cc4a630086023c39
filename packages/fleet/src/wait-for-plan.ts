import { OrgPortError, systemClock } from '@orgport/core';
import type { Clock } from '@orgport/core/driver';
import type pg from 'pg';
import { isConnectionLoss } from './connection-loss.js';
import { type PlanProgress, planProgress } from './plan-progress.js';

/** Options of {@link waitForPlan}. */
export interface WaitForPlanOptions {
  /** How often to look, in ms. Default 500. */
  readonly intervalMs?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly clock?: Clock | undefined;
  /** How long the store may stay unreachable (a restart) before giving up, in ms. Default 120 000. */
  readonly maxOutageMs?: number | undefined;
  /** Told of the progress at every look. */
  readonly onProgress?: ((progress: PlanProgress) => void) | undefined;
}

/**
 * Waits until nothing of a plan is queued any more (`finished`, `stopped`, `failed` or
 * `cancelled`), and returns its progress. A store that restarts meanwhile is waited for (up
 * to `maxOutageMs`).
 */
export async function waitForPlan(
  pool: pg.Pool,
  planId: string,
  options: WaitForPlanOptions = {},
): Promise<PlanProgress> {
  const clock = options.clock ?? systemClock;
  const interval = options.intervalMs ?? 500;
  let outageSince: number | undefined;
  for (;;) {
    let progress: PlanProgress | undefined;
    try {
      [progress] = await planProgress(pool, { planId });
      outageSince = undefined;
    } catch (error) {
      if (!isConnectionLoss(error)) throw error;
      outageSince ??= clock.now();
      if (clock.now() - outageSince > (options.maxOutageMs ?? 120_000)) throw error;
      await clock.sleep(interval, options.signal);
      continue;
    }
    if (!progress) throw new OrgPortError('not_found', `plan ${planId} is not in the store`);
    options.onProgress?.(progress);
    if (progress.state !== 'organizations' && progress.state !== 'running') return progress;
    await clock.sleep(interval, options.signal);
  }
}
