import type { PlanProgress } from '@orgport/fleet';
import { terminalSafe } from '../output/terminal-text.js';
import { formatEta } from '../progress/eta.js';

const WIDTH = 30;

/** One line per plan: a bar of what is done, then the counts and the rate. */
export function renderProgress(progress: PlanProgress, bar: boolean): string {
  const finished = progress.applied + progress.skipped;
  const share = progress.operations === 0 ? 1 : finished / progress.operations;
  const filled = Math.round(share * WIDTH);
  const gauge = bar ? `[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ` : '';
  return (
    `${terminalSafe(progress.planId)} ${progress.state.padEnd(13)} ${gauge}${(share * 100).toFixed(1)}% ` +
    `done ${finished}/${progress.operations}, failed ${progress.failed}, pending ${progress.pending}, ` +
    `${progress.ratePerSecond.toFixed(1)}/s` +
    (progress.state === 'running' && progress.pending > 0
      ? `, ${formatEta(progress.pending, progress.ratePerSecond)}`
      : '')
  );
}
