import { basename } from 'node:path';

/** The parts of a V8 CPU profile (`Profiler.stop`) the summary reads. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly hitCount?: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  }[];
  readonly samples?: readonly number[];
}

/**
 * The functions with the most self time in a CPU profile, as one short line: `name
 * (file:line) share%`, the idle time left out. Functions of the same name and place are
 * one entry, so a hot function called from many places is counted whole.
 */
export function summarizeProfile(profile: CpuProfile, top = 6): string {
  const selfHits = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || hits === 0) continue;
    const where = url ? ` ${basename(url)}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'}${where}`;
    selfHits.set(key, (selfHits.get(key) ?? 0) + hits);
    total += hits;
  }
  return [...selfHits.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, hits]) => `${name} ${((hits / Math.max(1, total)) * 100).toFixed(0)}%`)
    .join('; ');
}
