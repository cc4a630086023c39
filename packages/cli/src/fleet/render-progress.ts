import type { PlanProgress } from '@orgport/fleet';
import { terminalSafe } from '../output/terminal-text.js';

const WIDTH = 30;

/** How many example messages `status` shows per reason. */
const EXAMPLES = 2;

/**
 * The failures under a plan's line, by reason: why the plan failed as a whole, then failed
 * operations and failed jobs grouped by error code, each with a couple of examples.
 */
export function renderFailures(progress: PlanProgress): string[] {
  const lines: string[] = [];
  if (progress.failure !== undefined) lines.push(`  plan failed: ${terminalSafe(progress.failure)}`);
  for (const group of progress.failures) {
    const what =
      group.source === 'operation'
        ? 'failed operations'
        : group.permanent
          ? 'jobs failed for good'
          : 'jobs failed (retried)';
    lines.push(`  ${what}, ${terminalSafe(group.code)}: ${group.count}`);
    for (const example of group.examples.slice(0, EXAMPLES)) lines.push(`    e.g. ${terminalSafe(example)}`);
  }
  return lines;
}

/** One line per plan: a bar of what is done, then the counts and the rate. */
export function renderProgress(progress: PlanProgress, bar: boolean): string {
  const finished = progress.applied + progress.skipped;
  const share = progress.operations === 0 ? 1 : finished / progress.operations;
  const filled = Math.round(share * WIDTH);
  const gauge = bar ? `[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ` : '';
  return (
    `${terminalSafe(progress.planId)} ${progress.state.padEnd(13)} ${gauge}${(share * 100).toFixed(1)}% ` +
    `done ${finished}/${progress.operations}, failed ${progress.failed}, pending ${progress.pending}, ` +
    `${progress.ratePerSecond.toFixed(1)}/s`
  );
}
