import type { Directory } from '@orgport/core';
import type { MigrationOperation, MigrationPlan } from '@orgport/migrate';
import { coloursFor } from '../output/colour.js';
import type { OutputFormat } from '../output/output-format.js';
import { terminalSafe } from '../output/terminal-text.js';
import { writeRows } from '../output/write-rows.js';
import { type CheckedOperation, checkPlan } from './check-plan.js';
import { describeOperation, renderPlan } from './render-plan.js';

/** An operation's content, without its id (ids may carry what makes each plan unique). */
const contentOf = (operation: MigrationOperation): string => {
  const { id: _id, ...content } = operation;
  return JSON.stringify(content);
};

/** What a plan made now has that the saved one lacks, and the reverse. */
export function planDifference(
  saved: MigrationPlan,
  now: MigrationPlan,
): { added: MigrationOperation[]; gone: MigrationOperation[] } {
  const savedKeys = new Set(saved.operations.map(contentOf));
  const nowKeys = new Set(now.operations.map(contentOf));
  return {
    added: now.operations.filter((operation) => !savedKeys.has(contentOf(operation))),
    gone: saved.operations.filter((operation) => !nowKeys.has(contentOf(operation))),
  };
}

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
    /** The plan made now from the same source and mapping, when they were given with `--plan`. */
    readonly replanned?: MigrationPlan | undefined;
  },
): Promise<void> {
  const checked = options.planned
    ? plan.operations.map((operation): CheckedOperation => ({ operation, standing: 'to do' }))
    : await checkPlan(plan, target);
  const by = (standing: CheckedOperation['standing']) =>
    checked.filter((entry) => entry.standing === standing);
  const [toDo, done, changed] = [by('to do'), by('already done'), by('changed')];
  const replanned = options.replanned ? planDifference(plan, options.replanned) : undefined;
  const difference = replanned
    ? { newSincePlanning: replanned.added.length, noLongerPlanned: replanned.gone.length }
    : {};
  if (options.output !== 'table') {
    const records = checked.map(({ operation, standing, why }) => ({
      id: operation.id,
      type: operation.type,
      standing,
      ...(why ? { why } : {}),
    }));
    if (options.output === 'json')
      process.stdout.write(
        `${JSON.stringify({ planId: plan.planId, toDo: toDo.length, alreadyDone: done.length, changed: changed.length, ...difference, operations: records }, null, 2)}\n`,
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
  if (replanned) {
    const { added, gone } = replanned;
    lines.push(
      added.length + gone.length === 0
        ? '  Planned again now from the same source and mapping: the same operations.'
        : `  Planned again now from the same source and mapping: ${added.length} operation(s) the saved plan lacks, ${gone.length} of it no longer planned (plan again, or apply the saved plan as it is).`,
    );
    examples(
      'New since planning',
      added.map((operation) => ({ operation, standing: 'to do', why: 'planned now' })),
    );
    examples(
      'No longer planned',
      gone.map((operation) => ({ operation, standing: 'to do', why: 'not planned now' })),
    );
  }
  examples('Changed since planning (plan again to be sure)', changed);
  examples('Already done (apply sends nothing for these)', done);
  process.stdout.write(`${lines.join('\n')}\n`);
}
