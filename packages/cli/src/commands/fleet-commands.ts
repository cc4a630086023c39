import { OrgPortError } from '@orgport/core/errors';
import type { Command } from 'commander';
import { EXIT } from '../errors/exit-codes.js';
import { loggerFromOptions } from '../logging/logger-from-options.js';
import { parseCount } from '../options/parse-count.js';
import { terminalSafe } from '../output/terminal-text.js';
import { globals } from './command-context.js';

/** The fleet loads only when a fleet command runs (it brings the PostgreSQL client). */
const loadFleet = () =>
  Promise.all([
    import('@orgport/fleet'),
    import('../fleet/open-store.js'),
    import('../fleet/render-progress.js'),
    import('../fleet/target-opener.js'),
    import('../fleet/failure-log.js'),
  ]).then(([fleet, store, render, opener, log]) => ({ ...fleet, ...store, ...render, ...opener, ...log }));

/** Resolves when the process is asked to stop (Ctrl-C or SIGTERM), or `fatal` resolves first. */
const untilStopped = (fatal: Promise<Error>): Promise<string | Error> =>
  new Promise((resolve) => {
    const stop = (reason: string | Error) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(reason);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    void fatal.then(stop);
  });

/** The options of `status`. */
interface StatusOptions {
  readonly store?: string | true;
  readonly plan?: string;
  readonly watch?: boolean;
  readonly cancel?: string;
  readonly forget?: string;
}

/** `worker` and `status`: the fleet that runs migrations from a PostgreSQL store. */
export function registerFleetCommands(program: Command): void {
  program
    .command('worker')
    .description(
      'run migrations submitted to a PostgreSQL store (migrate --store), with any number of workers',
    )
    .option('--store [url]', 'the store: postgres://… (default $ORGPORT_STORE)')
    .option('--to <connection>', 'the target connection of plans submitted without one')
    .option('--concurrency <n>', 'jobs (runs of member chains) worked on at once', '4')
    .option(
      '--rate <n>',
      'requests per second the whole fleet may send with this credential (the lowest among workers sending wins)',
    )
    .option(
      '--burst <n>',
      'requests that may go at once after a quiet spell (default: --rate; the lowest wins)',
    )
    .option(
      '--stall-timeout <seconds>',
      'take back a job that recorded nothing for this long, even from a live worker',
      '900',
    )
    .action(
      async (
        options: {
          store?: string | true;
          to?: string;
          concurrency: string;
          rate?: string;
          burst?: string;
          stallTimeout: string;
        },
        command: Command,
      ) => {
        const global = globals(command);
        const concurrency = parseCount(options.concurrency, '--concurrency', 1, 64);
        const stallMs = parseCount(options.stallTimeout, '--stall-timeout', 10, 86_400) * 1000;
        const fleet = await loadFleet();
        const url = fleet.storeUrl(options.store);
        const pool = await fleet.openStore(url, concurrency * 3 + 6);
        const logger = loggerFromOptions(global);
        // --log-format json: the logger tells every event, as records; otherwise lines for people.
        const say = (line: string): void => {
          if (global.quiet) return;
          if (logger) logger.info({}, line);
          else process.stderr.write(`${line}\n`);
        };
        try {
          const worker = await fleet.startFleetWorker({
            pool,
            concurrency,
            stallMs,
            openTarget: await fleet.targetOpener(options.to, global, pool, options),
            logger,
            onEvent(event) {
              if (logger) return;
              if (event.type === 'started')
                say(`worker ${event.workerId} started on ${fleet.describeStore(url)}`);
              else if (event.type === 'reclaimed')
                say(`handed back the jobs of ${event.reason} workers ${event.workerIds.join(', ')}`);
              else if (event.type === 'sessionLost')
                say(`lost the store (${fleet.scrubStore(event.message, url)}); reconnecting`);
              // Failures are told whatever --quiet says: one JSON line each.
              else if (event.type === 'failure') process.stderr.write(fleet.failureLine(event));
              else if (event.type === 'error') say(`error: ${fleet.scrubStore(event.message, url)}`);
            },
          });
          const reason = await untilStopped(worker.fatal);
          if (reason instanceof Error) {
            await worker.stop();
            throw reason;
          }
          say(`${reason}: stopping after the operations in flight`);
          await worker.stop();
        } finally {
          await pool.end();
        }
      },
    );

  program
    .command('status')
    .description('progress of the migrations in a PostgreSQL store: done, failed, pending, rate')
    .option('--store [url]', 'the store: postgres://… (default $ORGPORT_STORE)')
    .option('--plan <id>', 'one plan (default: every plan in the store)')
    .option('--watch', 'refresh every second until every plan shown has finished or stopped')
    .option(
      '--cancel <planId>',
      'cancel a plan: its queued jobs are removed, running ones stop (--resume takes it up again)',
    )
    .option(
      '--forget <planId>',
      'delete a plan and everything recorded for it, so its id can be submitted afresh',
    )
    .action(async (options: StatusOptions, command: Command) => {
      const { output } = globals(command);
      if (options.cancel !== undefined && options.forget !== undefined)
        throw new OrgPortError('invalid_argument', 'give --cancel or --forget, not both');
      const fleet = await loadFleet();
      const pool = await fleet.openStore(fleet.storeUrl(options.store), 2);
      const terminal = process.stdout.isTTY === true;
      try {
        if (options.cancel !== undefined) {
          await fleet.cancelPlan(pool, options.cancel);
          process.stdout.write(
            `Cancelled plan ${terminalSafe(options.cancel)}: its queued jobs are removed, and workers stop its running ones between operations. Resume it with migrate --store --resume.\n`,
          );
          return;
        }
        if (options.forget !== undefined) {
          await fleet.forgetPlan(pool, options.forget);
          process.stdout.write(
            `Forgot plan ${terminalSafe(options.forget)}: the store holds nothing of it now.\n`,
          );
          return;
        }
        for (;;) {
          const plans = await fleet.planProgress(pool, { planId: options.plan });
          if (options.plan && plans.length === 0)
            throw new OrgPortError('not_found', `plan ${options.plan} is not in the store`);
          if (output === 'json' || output === 'ndjson')
            process.stdout.write(
              `${JSON.stringify(options.plan ? plans[0] : plans, null, output === 'json' ? 2 : 0)}\n`,
            );
          else {
            if (options.watch && terminal) process.stdout.write('\u001b[2J\u001b[H');
            if (plans.length === 0) process.stdout.write('No plans in the store.\n');
            for (const plan of plans)
              process.stdout.write(
                `${[fleet.renderProgress(plan, terminal), ...fleet.renderFailures(plan)].join('\n')}\n`,
              );
          }
          const active = plans.some((plan) => plan.state === 'running' || plan.state === 'organizations');
          if (!options.watch || !active) {
            if (plans.some((plan) => plan.state === 'stopped' || plan.state === 'failed'))
              process.exitCode = EXIT.partial;
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      } finally {
        await pool.end();
      }
    });
}
