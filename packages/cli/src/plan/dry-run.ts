import type { Directory } from '@orgport/core';
import type { MigrationPlan } from '@orgport/migrate';
import { coloursFor } from '../output/colour.js';
import type { OutputFormat } from '../output/output-format.js';
import { terminalSafe } from '../output/terminal-text.js';
import { writeRows } from '../output/write-rows.js';
import { type CheckedOperation, checkPlan } from './check-plan.js';
import { describeOperation, renderPlan } from './render-plan.js';

/**
 * `migrate --dry-run`: the plan, then how it stands against the target **now** (read, never
 * written): how many operations are still to do, already done, or changed since planning,
 * with examples of the last two. A plan just made (no `--plan`) is already current.
 */
export async function dryRun(
  plan: MigrationPlan,
  target: Directory,
  options: {
    readonly limit: number;
    readonly planned: boolean;
    readonly output: OutputFormat;
    /** The target connection's name, as the user gave it. */
    readonly to: string;
  },
): Promise<void> {
  const checked = options.planned
    ? plan.operations.map((operation): CheckedOperation => ({ operation, standing: 'to do' }))
    : await checkPlan(plan, target);
  const by = (standing: CheckedOperation['standing']) =>
    checked.filter((entry) => entry.standing === standing);
  const [toDo, done, changed] = [by('to do'), by('already done'), by('changed')];
  if (options.output !== 'table') {
    const records = checked.map(({ operation, standing, why }) => ({
      id: operation.id,
      type: operation.type,
      standing,
      ...(why ? { why } : {}),
    }));
    if (options.output === 'json')
      process.stdout.write(
        `${JSON.stringify({ planId: plan.planId, toDo: toDo.length, alreadyDone: done.length, changed: changed.length, operations: records }, null, 2)}\n`,
      );
    else await writeRows(process.stdout, options.output, records);
    return;
  }
  const lines = [renderPlan(plan, { limit: options.limit, colours: coloursFor(process.stdout) })];
  const age = Math.max(0, Math.round((Date.now() - Date.parse(plan.createdAt)) / 60_000));
  lines.push(
    options.planned
      ? `Dry run: planned just now against ${terminalSafe(options.to)}; nothing was written.`
      : `Dry run against ${terminalSafe(options.to)} as it is now (the plan is ${age} minute(s) old); nothing was written.`,
    `  ${toDo.length} to do, ${done.length} already done, ${changed.length} changed since planning.`,
  );
  const examples = (title: string, entries: readonly CheckedOperation[]) => {
    if (entries.length === 0) return;
    lines.push(`  ${title}:`);
    for (const { operation, why } of entries.slice(0, options.limit))
      lines.push(`    ${terminalSafe(`${describeOperation(operation)}: ${why ?? ''}`)}`);
    if (entries.length > options.limit) lines.push(`    … and ${entries.length - options.limit} more`);
  };
  examples('Changed since planning (plan again to be sure)', changed);
  examples('Already done (apply sends nothing for these)', done);
  process.stdout.write(`${lines.join('\n')}\n`);
}
