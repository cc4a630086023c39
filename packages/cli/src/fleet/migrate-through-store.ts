import { OrgPortError } from '@orgport/core/errors';
import type { MigrationPlan } from '@orgport/migrate';
import type { GlobalOptions } from '../commands/command-context.js';
import { EXIT } from '../errors/exit-codes.js';
import { loggerFromOptions } from '../logging/logger-from-options.js';
import { progressReporter } from '../progress/progress-reporter.js';
import { failureLine } from './failure-log.js';
import { describeStore, openStore, scrubStore, storeUrl } from './open-store.js';
import { renderFailures, renderProgress } from './render-progress.js';
import { type PacingOptions, targetOpener } from './target-opener.js';

/** What `migrate --store` needs besides the plan. */
export interface StoreMigrationOptions extends PacingOptions {
  /** `--store`: a URL, or true for `$ORGPORT_STORE`. */
  readonly store: string | true;
  /** The target connection's name, stored with the plan for the workers. */
  readonly to: string;
  /** Chain runners in this process; 0 submits only. */
  readonly workers: number;
  readonly resume?: boolean | undefined;
}

/**
 * `migrate --store`: submits the plan to the PostgreSQL store (or, with `--resume`, queues
 * again what is not done), then works on it with `workers` runners in this process until
 * nothing is queued, as any number of `orgport worker` processes elsewhere may too.
 */
export async function migrateThroughStore(
  plan: MigrationPlan,
  options: StoreMigrationOptions,
  global: GlobalOptions,
): Promise<void> {
  const fleet = await import('@orgport/fleet');
  const url = storeUrl(options.store);
  const pool = await openStore(url, options.workers * 3 + 6);
  const where = describeStore(url);
  try {
    await fleet.submitPlan(pool, plan, { resume: options.resume, connection: options.to });
    if (options.workers === 0) {
      process.stdout.write(
        `Submitted plan ${plan.planId} to ${where}. Run it with: orgport worker --store …  Watch it with: orgport status --store … --plan ${plan.planId}\n`,
      );
      return;
    }
    const logger = loggerFromOptions(global);
    const worker = await fleet.startFleetWorker({
      pool,
      concurrency: options.workers,
      openTarget: await targetOpener(options.to, global, pool, options),
      logger,
      onEvent(event) {
        if (logger) return; // --log-format json: the logger tells every event.
        // Failures are told whatever --quiet says: one JSON line each.
        if (event.type === 'failure') process.stderr.write(failureLine(event));
        else if (event.type === 'error' && global.verbose)
          process.stderr.write(`worker: ${scrubStore(event.message, url)}\n`);
      },
    });
    const progress = progressReporter('migrate', global.quiet || logger !== undefined);
    const controller = new AbortController();
    const stop = () => controller.abort(new OrgPortError('cancelled', 'interrupted'));
    void worker.fatal.then((error) => controller.abort(error));
    process.once('SIGINT', stop);
    let result: Awaited<ReturnType<typeof fleet.waitForPlan>>;
    try {
      result = await fleet.waitForPlan(pool, plan.planId, {
        signal: controller.signal,
        onProgress: (now) => progress.update(now.applied + now.skipped + now.failed, now.operations),
      });
    } finally {
      progress.stop();
      process.off('SIGINT', stop);
      await worker.stop();
    }
    if (global.output === 'json')
      process.stdout.write(`${JSON.stringify({ ...result, store: where }, null, 2)}\n`);
    else {
      process.stdout.write(
        `Applied ${result.applied}, skipped ${result.skipped}, failed ${result.failed}, not attempted ${result.pending} (store ${where}).\n`,
      );
      if (result.state === 'stopped' || result.state === 'failed')
        process.stdout.write(
          `${[renderProgress(result, false), ...renderFailures(result)].join('\n')}\nRe-run with --store --resume to retry the failures.\n`,
        );
    }
    if (result.state !== 'finished') process.exitCode = EXIT.partial;
  } finally {
    await pool.end();
  }
}
