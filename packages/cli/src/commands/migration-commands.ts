import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Directory } from '@orgport/core';
import { OrgPortError } from '@orgport/core/errors';
import type { MigrationPlan } from '@orgport/migrate';
import type { Command } from 'commander';
import { EXIT } from '../errors/exit-codes.js';
import { assertWritableFile, writeFileAtomic } from '../files/atomic-file.js';
import { loggerFromOptions } from '../logging/logger-from-options.js';
import { parseCount } from '../options/parse-count.js';
import { renderPlan } from '../plan/render-plan.js';
import { globals, openConnection } from './command-context.js';

/** Plans older than this draw a warning before they are applied. */
const PLAN_AGE_WARNING_HOURS = 24;

/** Migration and the progress bar load only when a migration command runs. */
const loadMigration = () =>
  Promise.all([import('@orgport/migrate'), import('../progress/progress-reporter.js')]).then(
    ([migrate, progress]) => ({ ...migrate, ...progress }),
  );

interface PlanOptions {
  readonly from?: string;
  readonly fromSnapshot?: string;
  readonly to?: string;
  readonly mapping?: string;
  readonly orgs?: string;
  readonly prune?: boolean;
  readonly out?: string;
  readonly limit: string;
}

const readText = (path: string, what: string): string => {
  if (!existsSync(path)) throw new OrgPortError('invalid_argument', `${what} ${path} does not exist`);
  if (statSync(path).isDirectory())
    throw new OrgPortError('invalid_argument', `${what} ${path} is a folder, not a file`);
  return readFileSync(path, 'utf8');
};

/** Reads a plan file, checked completely (schema, ids, planId against its operations). */
async function readPlan(path: string): Promise<MigrationPlan> {
  const { loadPlan } = await import('@orgport/migrate');
  return loadPlan(readText(path, 'plan file'), `plan file ${path}`);
}

/** Opens the target and source, plans, and closes the source. */
async function makePlan(options: PlanOptions, command: Command, target: Directory): Promise<MigrationPlan> {
  const { quiet } = globals(command);
  if (!options.mapping) throw new OrgPortError('invalid_argument', '--mapping <file> is required');
  if (!options.from && !options.fromSnapshot)
    throw new OrgPortError(
      'invalid_argument',
      'give the source: --from <connection> or --from-snapshot <file>',
    );
  const { loadRoleMapping, loadSnapshot, planMigration, progressReporter } = await loadMigration();
  const mapping = loadRoleMapping(readText(options.mapping, 'mapping file'));
  const source = options.fromSnapshot
    ? loadSnapshot(readText(options.fromSnapshot, 'snapshot'))
    : await openConnection(options.from as string, globals(command));
  const progress = progressReporter('plan', quiet);
  try {
    return await planMigration({
      source,
      target,
      mapping,
      organizations: options.orgs?.split(',').map((name) => name.trim()),
      prune: options.prune,
      onProgress: ({ organizations, total, current }) => progress.update(organizations, total, current),
    });
  } finally {
    progress.stop();
    if (!options.fromSnapshot) await (source as Directory).close();
  }
}

async function openTarget(options: { to?: string }, command: Command): Promise<Directory> {
  if (!options.to) throw new OrgPortError('invalid_argument', '--to <connection> is required');
  return openConnection(options.to, globals(command));
}

const withPlanOptions = (command: Command): Command =>
  command
    .option('--from <connection>', 'source connection')
    .option('--from-snapshot <file>', 'source snapshot (JSON or NDJSON) instead of a live source')
    .option('--to <connection>', 'target connection')
    .option('--mapping <file>', 'role mapping (JSON)')
    .option('--orgs <names>', 'comma-separated source organization ids or names')
    .option('--prune', 'also remove target members and kinds the source does not have (never admins)')
    .option('--limit <n>', 'operations to print', '20');

/** `plan` and `migrate`. */
export function registerMigrationCommands(program: Command): void {
  withPlanOptions(
    program
      .command('plan')
      .description('plan a migration against the live target and report what the mapping loses'),
  )
    .option('--out <file>', 'write the whole plan as JSON (for migrate --plan)')
    .action(async (options: PlanOptions, command: Command) => {
      const limit = parseCount(options.limit, '--limit', 0, 1_000_000);
      if (options.out) assertWritableFile(options.out, '--out');
      const target = await openTarget(options, command);
      try {
        const plan = await makePlan(options, command, target);
        if (options.out) writeFileAtomic(options.out, `${JSON.stringify(plan, null, 2)}\n`);
        if (globals(command).output === 'json') process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
        else process.stdout.write(renderPlan(plan, limit));
      } finally {
        await target.close();
      }
    });

  withPlanOptions(
    program
      .command('migrate')
      .description('apply a migration plan, journaled; --resume continues a killed run'),
  )
    .option('--plan <file>', 'a plan written by `plan --out` (instead of planning now)')
    .option('--journal <file>', 'journal file (default .orgport/journal-<plan id>.ndjson)')
    .option('--resume', 'continue the run recorded in the journal')
    .option('--dry-run', 'plan and print, write nothing')
    .option('--concurrency <n>', 'members written at once', '4')
    .option(
      '--store [url]',
      'run through a PostgreSQL store shared by workers (default $ORGPORT_STORE) instead of a journal file',
    )
    .option(
      '--workers <n>',
      'with --store: chain runners in this process (0: submit only; default --concurrency)',
    )
    .option('--rate <n>', 'with --store: requests per second all workers together may send to the target')
    .action(
      async (
        options: PlanOptions & {
          plan?: string;
          journal?: string;
          resume?: boolean;
          dryRun?: boolean;
          concurrency: string;
          store?: string | true;
          workers?: string;
          rate?: string;
        },
        command: Command,
      ) => {
        const { quiet, output } = globals(command);
        const concurrency = parseCount(options.concurrency, '--concurrency', 1, 64);
        const limit = parseCount(options.limit, '--limit', 0, 1_000_000);
        if (options.store !== undefined && options.journal)
          throw new OrgPortError('invalid_argument', 'choose one of --journal and --store');
        if (options.store !== undefined && options.resume && !options.plan)
          throw new OrgPortError(
            'invalid_argument',
            '--store --resume needs --plan: the plan file that was submitted',
          );
        if (options.store === undefined && (options.workers !== undefined || options.rate !== undefined))
          throw new OrgPortError('invalid_argument', '--workers and --rate need --store');
        const workers =
          options.workers === undefined ? concurrency : parseCount(options.workers, '--workers', 0, 64);
        const target = await openTarget(options, command);
        try {
          // On resume, the plan saved beside the journal is the one to finish (re-planning would change it).
          const savedPlan = options.journal ? `${options.journal}.plan.json` : undefined;
          let plan: MigrationPlan;
          if (options.plan) plan = await readPlan(options.plan);
          else if (options.resume && savedPlan && existsSync(savedPlan)) plan = await readPlan(savedPlan);
          else plan = await makePlan(options, command, target);
          const ageHours = (Date.now() - Date.parse(plan.createdAt)) / 3_600_000;
          if (ageHours > PLAN_AGE_WARNING_HOURS && !quiet)
            process.stderr.write(
              `warning: the plan is ${Math.round(ageHours)} hours old; the target may have changed since (apply changes only what the plan changes, and refuses conflicts; re-plan to be sure)\n`,
            );
          if (options.dryRun) {
            process.stdout.write(renderPlan(plan, limit));
            return;
          }
          if (options.store !== undefined) {
            const { migrateThroughStore } = await import('../fleet/migrate-through-store.js');
            await migrateThroughStore(
              plan,
              {
                store: options.store,
                to: options.to as string,
                workers,
                resume: options.resume,
                rate: options.rate,
              },
              globals(command),
            );
            return;
          }
          const journal = options.journal ?? join('.orgport', `journal-${plan.planId}.ndjson`);
          // Refused before anything is written: the plan saved beside an existing journal is
          // the one its --resume will finish.
          if (!options.resume && existsSync(journal))
            throw new OrgPortError(
              'failed_precondition',
              `journal ${journal} already exists: pass --resume to continue that run, or choose another --journal`,
            );
          mkdirSync(dirname(journal), { recursive: true });
          if (!options.resume) writeFileAtomic(`${journal}.plan.json`, `${JSON.stringify(plan)}\n`);
          const { applyMigration, progressReporter } = await loadMigration();
          const logger = loggerFromOptions(globals(command));
          const progress = progressReporter('migrate', quiet || logger !== undefined);
          const controller = new AbortController();
          const stop = () => controller.abort();
          process.once('SIGINT', stop);
          const result = await applyMigration(plan, {
            target,
            journal,
            resume: options.resume,
            concurrency,
            signal: controller.signal,
            logger,
            onProgress: ({ done, total }) => progress.update(done, total),
          }).finally(() => {
            progress.stop();
            process.off('SIGINT', stop);
          });
          if (result.repairedJournalBytes > 0 && !quiet)
            process.stderr.write(
              `note: the journal's last line was cut short by a kill (${result.repairedJournalBytes} bytes); it was removed before resuming\n`,
            );
          const summary = {
            planId: plan.planId,
            journal,
            applied: result.applied.length,
            skipped: result.skipped.length,
            failed: result.failed.length,
            blocked: result.blocked.length,
            planAgeHours: Math.round((result.planAgeMs / 3_600_000) * 10) / 10,
          };
          if (output === 'json')
            process.stdout.write(
              `${JSON.stringify({ ...summary, failures: result.failed.map((f) => ({ operation: f.operation, code: f.code, reason: f.reason })) }, null, 2)}\n`,
            );
          else {
            process.stdout.write(
              `Applied ${summary.applied}, skipped ${summary.skipped}, failed ${summary.failed}, not attempted ${summary.blocked} (journal ${journal}).\n`,
            );
            for (const failure of result.failed.slice(0, 10))
              process.stdout.write(
                `  ✗ ${failure.operation.type} ${'email' in failure.operation ? failure.operation.email : failure.operation.organization.name}: ${failure.code}: ${failure.reason}\n`,
              );
            if (summary.failed + summary.blocked > 0)
              process.stdout.write(`Re-run with --journal ${journal} --resume to retry the failures.\n`);
            if (result.failed.some((f) => f.code === 'conflict'))
              process.stdout.write(
                'The target changed since the plan was made: re-plan for the conflicts.\n',
              );
          }
          if (summary.failed + summary.blocked > 0) process.exitCode = EXIT.partial;
        } finally {
          await target.close();
        }
      },
    );
}
