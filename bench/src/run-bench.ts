import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEMO_MAPPING } from '@orgport/cli';
import { seedHalfOnboarded } from '@orgport/simulator-cloud-org';
import { fleet } from './fleet-scenario.js';
import { inviteScale, planningScale } from './scale-scenarios.js';
import {
  cloudOrgMembers,
  type Figure,
  memberEnumeration,
  migration,
  streamingMemory,
  tenantScan,
} from './scenarios.js';
import { snapshotStreaming } from './snapshot-scenario.js';

// `pnpm bench`: every scenario in one run, then BENCHMARKS.md and bench/results.json.
const log = (line: string) => process.stderr.write(`${line}\n`);
const started = Date.now();
const figures: Figure[] = [];
const scenarios: [string, () => Promise<Figure[]>][] = [
  ['1. member enumeration', () => memberEnumeration(log)],
  ['2. tenant scan under a rate limit', () => tenantScan(log)],
  ['3. streaming memory', () => streamingMemory(log)],
  ['4. cloud-org members', () => cloudOrgMembers(log)],
  ['5. migration', () => migration(log, DEMO_MAPPING, seedHalfOnboarded)],
  ['6. fleet', () => fleet(log, DEMO_MAPPING, seedHalfOnboarded)],
  ['7. migration at scale', async () => [...(await inviteScale(log)), ...(await planningScale(log))]],
  ['8. snapshot reading', () => snapshotStreaming(log)],
];
// `bench 7.` runs the scenarios whose names start so; `--merge` then replaces their figures
// in the recorded files (which say so) instead of only printing them.
const merge = process.argv.includes('--merge');
const only = process.argv.slice(2).filter((argument) => argument !== '--merge');
for (const [name, run] of scenarios) {
  if (only.length > 0 && !only.some((wanted) => name.startsWith(wanted))) continue;
  log(name);
  figures.push(...(await run()));
}
const seconds = (Date.now() - started) / 1000;

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
let environment: {
  node: string;
  cpus: number;
  cpu: string;
  date: string;
  seconds: number;
  merged?: { scenario: string; date: string; node: string }[];
} = {
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  date: new Date().toISOString(),
  seconds,
};
if (merge && only.length > 0) {
  // The recorded run, with this run's scenarios replaced (or added) and named as merged.
  const recorded = JSON.parse(readFileSync(root('bench/results.json'), 'utf8')) as {
    environment: typeof environment;
    figures: Figure[];
  };
  const ran = new Set(figures.map((figure) => figure.scenario));
  const kept = recorded.figures.filter((figure) => !ran.has(figure.scenario));
  const merged = (recorded.environment.merged ?? []).filter((entry) => !ran.has(entry.scenario));
  for (const scenario of ran) merged.push({ scenario, date: environment.date, node: process.version });
  environment = { ...recorded.environment, merged };
  figures.splice(0, figures.length, ...kept, ...figures);
}
// A partial run (scenario names given) prints its figures but keeps the recorded files,
// unless --merge.
const record = only.length === 0 || merge;
if (record)
  writeFileSync(root('bench/results.json'), `${JSON.stringify({ environment, figures }, null, 2)}\n`);

const lines = [
  '# Benchmarks',
  '',
  `Latest run: ${environment.date.slice(0, 10)}, Node ${environment.node}, ${environment.cpus} × ${environment.cpu}, ${seconds.toFixed(0)} s in all.`,
  'Every contender runs in a fresh Node process against the same simulator on 127.0.0.1 (simulators in the',
  'orchestrating process). In the enumeration scenarios each process walks five times untimed, then twenty measured',
  'times (medians per walk: a library is judged warm; the cold first walk is reported beside it), with the',
  'simulator and the contender on separate cores (`taskset`; `BENCH_PIN=0` turns it off). Figures are medians',
  'with (min–max) over the processes; ratios are medians of per-round ratios (contenders run interleaved).',
  'Ratios compare contenders of the same run. Regenerate with `npx -y pnpm@10.34.9 bench` (machine-readable: `bench/results.json`).',
  ...(environment.merged ?? []).map(
    (entry) =>
      `"${entry.scenario}" was run on its own on ${entry.date.slice(0, 10)} (Node ${entry.node}) and merged in (\`bench <scenario number> --merge\`).`,
  ),
  '',
];
for (const scenario of [...new Set(figures.map((f) => f.scenario))]) {
  lines.push(`## ${scenario}`, '', '| figure | contender | value | goal | met |', '|---|---|---|---|---|');
  for (const f of figures.filter((figure) => figure.scenario === scenario)) {
    lines.push(
      `| ${f.figure} | ${f.contender} | ${f.value} | ${f.goal ?? ''} | ${f.met === undefined ? '' : f.met ? 'yes' : '**no**'} |`,
    );
  }
  lines.push('');
}
// The hand-written analysis of missed goals (bench/analysis.md) follows the figures.
const analysis = readFileSync(root('bench/analysis.md'), 'utf8');
if (record) writeFileSync(root('BENCHMARKS.md'), `${lines.join('\n')}\n${analysis}`);
process.stdout.write(`${lines.join('\n')}\n`);
