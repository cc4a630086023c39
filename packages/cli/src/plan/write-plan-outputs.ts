import type { MigrationPlan } from '@orgport/migrate';
import { writeFileAtomic } from '../files/atomic-file.js';
import { terminalSafe } from '../output/terminal-text.js';
import { formatBytes, writePlanFile } from './plan-file.js';
import { planReport } from './plan-report.js';

/**
 * Writes what `plan --out` and `--report` ask for (each atomically), and returns the lines
 * that say where they went: a plan's reader should never have to guess where it is.
 */
export function writePlanOutputs(
  plan: MigrationPlan,
  files: { readonly out?: string | undefined; readonly report?: string | undefined },
): string {
  const lines: string[] = [];
  if (files.out) {
    const bytes = writePlanFile(plan, files.out);
    lines.push(
      `Plan written to ${files.out} (${plan.operations.length} operations, ${formatBytes(bytes)}): apply it with orgport migrate --plan ${files.out}.`,
    );
  }
  if (files.report) {
    writeFileAtomic(files.report, planReport(plan, files.out));
    lines.push(`Review written to ${files.report}.`);
  }
  return lines.length === 0 ? '' : `\n${terminalSafe(lines.join('\n'))}\n`;
}
