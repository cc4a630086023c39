import type { PlanProgress } from '@orgport/fleet';
import type { OutputFormat } from '../output/output-format.js';
import { type Row, writeRows } from '../output/write-rows.js';

/** A plan's progress as one flat row (CSV), with the chains' counts spelled out. */
const progressRow = (progress: PlanProgress): Row => ({
  planId: progress.planId,
  targetVendor: progress.targetVendor,
  submittedAt: progress.submittedAt,
  state: progress.state,
  failure: progress.failure,
  operations: progress.operations,
  applied: progress.applied,
  skipped: progress.skipped,
  failed: progress.failed,
  pending: progress.pending,
  chains: progress.chains.total,
  chainsQueued: progress.chains.queued,
  chainsDone: progress.chains.done,
  chainsStopped: progress.chains.stopped,
  ratePerSecond: Math.round(progress.ratePerSecond * 10) / 10,
  etaSeconds:
    progress.ratePerSecond > 0 && progress.pending > 0
      ? Math.ceil(progress.pending / progress.ratePerSecond)
      : undefined,
});

/** `status --store -o ndjson|csv`: a record per plan per line, or CSV with a header. */
export async function writeProgressRecords(
  plans: readonly PlanProgress[],
  output: OutputFormat,
  out: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  await writeRows(out, output, plans.map(progressRow), plans);
}
