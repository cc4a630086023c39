import type { ContenderReport } from './contender-protocol.js';
import type { Figure } from './figure.js';
import { pairedRatio, spread } from './measure.js';

/** What {@link efficiencyFigures} reads. */
export interface EfficiencyInput {
  readonly scenario: string;
  readonly contenders: readonly string[];
  readonly results: ReadonlyMap<string, readonly ContenderReport[]>;
  /** orgport's contender and the peer its CPU time is compared with. */
  readonly orgport: string;
  readonly peer: string;
  /** The highest CPU-time ratio orgport / peer that meets the goal. */
  readonly cpuGoal: number;
  /** One more run of a contender with the profiler on (not timed). */
  readonly profile: (contender: string) => Promise<ContenderReport>;
}

/**
 * Where the time goes, beside wall time: the CPU-time ratio against the peer (the
 * scenario's goal), each contender's share of wall time in garbage collection, and the
 * functions with the most self time in one profiled run, so a regression explains itself.
 */
export async function efficiencyFigures(input: EfficiencyInput): Promise<Figure[]> {
  const { scenario, results } = input;
  const ratio = pairedRatio(results, input.orgport, input.peer, (run) => run.cpuMs);
  const figures: Figure[] = [
    {
      scenario,
      figure: `CPU-time ratio orgport / ${input.peer}`,
      contender: input.orgport,
      value: ratio.toFixed(2),
      numeric: ratio,
      goal: `≤ ${input.cpuGoal.toFixed(2)}`,
      met: ratio <= input.cpuGoal,
    },
  ];
  for (const contender of input.contenders) {
    const runs = results.get(contender) ?? [];
    figures.push({
      scenario,
      figure: 'GC share of wall time',
      contender,
      value: spread(
        runs.map((run) => run.gcShare * 100),
        1,
        '%',
      ),
    });
  }
  for (const contender of input.contenders) {
    const report = await input.profile(contender);
    figures.push({
      scenario,
      figure: 'CPU profile: most self time (one extra run)',
      contender,
      value: report.profileSummary ?? '',
    });
  }
  return figures;
}
