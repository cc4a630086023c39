import { EXIT } from '../errors/exit-codes.js';
import type { OutputFormat } from '../output/output-format.js';
import { terminalSafe } from '../output/terminal-text.js';
import { type Row, writeRows } from '../output/write-rows.js';
import { formatEta } from '../progress/eta.js';
import { type JournalProgress, readJournalProgress } from './journal-progress.js';

const WIDTH = 30;

/** One line for a person: state, a bar (on a terminal), counts, rate and ETA. */
export function renderJournalProgress(progress: JournalProgress, bar: boolean): string {
  const done = progress.applied + progress.skipped;
  const total = progress.operations;
  const share = total === undefined ? undefined : total === 0 ? 1 : done / total;
  const gauge =
    bar && share !== undefined
      ? `[${'█'.repeat(Math.round(share * WIDTH))}${'░'.repeat(WIDTH - Math.round(share * WIDTH))}] `
      : '';
  const eta = progress.state === 'running' ? formatEta(progress.pending ?? 0, progress.ratePerSecond) : '';
  return terminalSafe(
    `${progress.planId} ${progress.state.padEnd(9)} ${gauge}${share === undefined ? '' : `${(share * 100).toFixed(1)}% `}` +
      `done ${done}/${total ?? '?'} (applied ${progress.applied}, already done ${progress.skipped}), failed ${progress.failed}, ` +
      `pending ${progress.pending ?? '?'}, ${progress.ratePerSecond.toFixed(1)}/s${eta ? `, ${eta}` : ''}` +
      (progress.state === 'running' && progress.pid ? ` (pid ${progress.pid})` : '') +
      (progress.state === 'stopped'
        ? `\n  not running: finish it with orgport migrate --to <connection> --journal ${progress.journal} --resume`
        : ''),
  );
}

/** A flat record for CSV and tables' scripts. */
const progressRow = (progress: JournalProgress): Row => ({
  planId: progress.planId,
  journal: progress.journal,
  state: progress.state,
  operations: progress.operations,
  applied: progress.applied,
  skipped: progress.skipped,
  failed: progress.failed,
  pending: progress.pending,
  ratePerSecond: Math.round(progress.ratePerSecond * 10) / 10,
  etaSeconds:
    progress.ratePerSecond > 0 && progress.pending
      ? Math.ceil(progress.pending / progress.ratePerSecond)
      : undefined,
});

/**
 * `status --journal <file>`: a file-journal run's progress, as `status --store` shows a
 * fleet's. `--watch` refreshes every second until the run is no longer running, and then
 * measures the rate over the last few seconds instead of the journal's whole life.
 */
export async function journalStatus(
  journal: string,
  options: { readonly output: OutputFormat; readonly watch?: boolean | undefined },
): Promise<void> {
  const terminal = process.stdout.isTTY === true;
  const samples: { at: number; done: number }[] = [];
  for (;;) {
    let progress = readJournalProgress(journal);
    const now = Date.now();
    const done = progress.applied + progress.skipped + progress.failed;
    samples.push({ at: now, done });
    while (samples.length > 1 && now - (samples[0]?.at ?? now) > 10_000) samples.shift();
    const first = samples[0];
    if (options.watch && first && now - first.at >= 2000)
      progress = { ...progress, ratePerSecond: (done - first.done) / ((now - first.at) / 1000) };
    if (options.output === 'table') {
      if (options.watch && terminal) process.stdout.write('\u001b[2J\u001b[H');
      process.stdout.write(`${renderJournalProgress(progress, terminal)}\n`);
    } else await writeRows(process.stdout, options.output, [progressRow(progress)], [progress]);
    if (!options.watch || progress.state !== 'running') {
      if (progress.failed > 0 || progress.state === 'stopped') process.exitCode = EXIT.partial;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
