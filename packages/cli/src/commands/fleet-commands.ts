import { OrgPortError } from '@orgport/core/errors';
import type { Command } from 'commander';
import { EXIT } from '../errors/exit-codes.js';
import { parseCount } from '../options/parse-count.js';
import type { OutputFormat } from '../output/output-format.js';
import { globals } from './command-context.js';

/** The fleet loads only when a fleet command runs (it brings the PostgreSQL client). */
const loadFleet = () =>
  Promise.all([
    import('@orgport/fleet'),
    import('../fleet/open-store.js'),
    import('../fleet/render-progress.js'),
    import('../fleet/target-opener.js'),
    import('../fleet/progress-records.js'),
  ]).then(([fleet, store, render, opener, records]) => ({
    ...fleet,
    ...store,
    ...render,
    ...opener,
    ...records,
  }));

/** Options of `status`. */
interface StatusOptions {
  readonly journal?: string;
  readonly store?: string | true;
  readonly plan?: string;
  readonly watch?: boolean;
}

/** `status --journal`: a file run's progress (loads nothing of the fleet). */
async function journalStatus(options: StatusOptions, output: OutputFormat): Promise<void> {
  if (options.store !== undefined)
    throw new OrgPortError('invalid_argument', 'choose one of --journal and --store');
  const status = await import('../journal/journal-status.js');
  await status.journalStatus(options.journal as string, { output, watch: options.watch });
}

/** Resolves when the process is asked to stop (Ctrl-C or SIGTERM). */
const untilStopped = (): Promise<string> =>
  new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

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
    .option('--rate <n>', 'requests per second the whole fleet may send with this credential')
    .option('--burst <n>', 'requests that may go at once after a quiet spell (default: --rate)')
    .action(
      async (
        options: { store?: string | true; to?: string; concurrency: string; rate?: string; burst?: string },
        command: Command,
      ) => {
        const global = globals(command);
        const concurrency = parseCount(options.concurrency, '--concurrency', 1, 64);
        const fleet = await loadFleet();
        const url = fleet.storeUrl(options.store);
        const pool = await fleet.openStore(url, concurrency * 3 + 6);
        const say = (line: string) => global.quiet || process.stderr.write(`${line}\n`);
        try {
          const worker = await fleet.startFleetWorker({
            pool,
            concurrency,
            openTarget: await fleet.targetOpener(options.to, global, pool, options),
            onEvent(event) {
              if (event.type === 'started')
                say(`worker ${event.workerId} started on ${fleet.describeStore(url)}`);
              else if (event.type === 'reclaimed')
                say(`handed back the jobs of stopped workers ${event.workerIds.join(', ')}`);
              else if (event.type === 'sessionLost') say(`lost the store (${event.message}); reconnecting`);
              else if (event.type === 'error') say(`error: ${event.message}`);
            },
          });
          const signal = await untilStopped();
          say(`${signal}: stopping after the operations in flight`);
          await worker.stop();
        } finally {
          await pool.end();
        }
      },
    );

  program
    .command('status')
    .description(
      'progress of a file-journal run or of the plans in a PostgreSQL store: done, failed, pending, rate, ETA',
    )
    .option('--journal <file>', 'the journal of a file run (migrate --journal), instead of a store')
    .option('--store [url]', 'the store: postgres://… (default $ORGPORT_STORE)')
    .option('--plan <id>', 'one plan (default: every plan in the store)')
    .option('--watch', 'refresh every second until every plan shown has finished or stopped')
    .action(async (options: StatusOptions, command: Command) => {
      const { output } = globals(command);
      if (options.journal !== undefined) return journalStatus(options, output);
      const fleet = await loadFleet();
      const pool = await fleet.openStore(fleet.storeUrl(options.store), 2);
      const terminal = process.stdout.isTTY === true;
      try {
        for (;;) {
          const plans = await fleet.planProgress(pool, { planId: options.plan });
          if (options.plan && plans.length === 0)
            throw new OrgPortError('not_found', `plan ${options.plan} is not in the store`);
          if (output === 'json')
            process.stdout.write(`${JSON.stringify(options.plan ? plans[0] : plans, null, 2)}\n`);
          else if (output !== 'table') await fleet.writeProgressRecords(plans, output);
          else {
            if (options.watch && terminal) process.stdout.write('\u001b[2J\u001b[H');
            if (plans.length === 0) process.stdout.write('No plans in the store.\n');
            for (const plan of plans) process.stdout.write(`${fleet.renderProgress(plan, terminal)}\n`);
          }
          const active = plans.some((plan) => plan.state === 'running' || plan.state === 'organizations');
          if (!options.watch || !active) {
            if (plans.some((plan) => plan.state === 'stopped')) process.exitCode = EXIT.partial;
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      } finally {
        await pool.end();
      }
    });
}
