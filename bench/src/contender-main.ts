import { PerformanceObserver } from 'node:perf_hooks';
import type { ContenderJob, ContenderReport } from './contender-protocol.js';
import { CONTENDERS, counter } from './contenders.js';
import { median } from './measure.js';
import { summarizeProfile } from './profile-summary.js';

// One contender in a fresh process, so wall time, CPU and RSS are its own: `warmups`
// untimed walks, then `walks` measured ones, reported as medians per walk.
const job = JSON.parse(process.argv[2] ?? '{}') as ContenderJob;
const contender = CONTENDERS[job.contender];
if (!contender) throw new Error(`unknown contender ${job.contender}`);
const mib = (bytes: number) => bytes / 1024 / 1024;
const warmups = job.warmups ?? 0;
const walks = job.walks ?? 1;

/** One walk with a fresh counter: its wall and CPU time and what it saw. */
async function walk() {
  const count = counter();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await contender?.(job, count.seen);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, items: count.items, distinct: count.distinct };
}

let first: Awaited<ReturnType<typeof walk>> | undefined;
for (let n = 0; n < warmups; n++) {
  const result = await walk();
  first ??= result;
}

global.gc?.();
const startRss = process.memoryUsage().rss;
let peakRss = startRss;
const sampler = job.sampleRss
  ? setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)
  : undefined;
// `profile` (or BENCH_PROFILE=file, for a whole profile to analyse) profiles the measured walks only.
const profileFile = process.env.BENCH_PROFILE;
const session =
  profileFile || job.profile ? new (await import('node:inspector/promises')).Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
// Garbage collection pauses during the work, from V8's own performance entries.
let gcMs = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
});
gcObserver.observe({ entryTypes: ['gc'] });
const measured: Awaited<ReturnType<typeof walk>>[] = [];
for (let n = 0; n < walks; n++) measured.push(await walk());
if (sampler) clearInterval(sampler);
// GC entries are delivered in batches, a little later (after the measured work: not timed).
await new Promise((resolve) => setTimeout(resolve, 50));
gcObserver.disconnect();
let profileSummary: string | undefined;
if (session) {
  const { profile } = await session.post('Profiler.stop');
  if (profileFile) (await import('node:fs')).writeFileSync(profileFile, JSON.stringify(profile));
  profileSummary = summarizeProfile(profile);
}
peakRss = Math.max(peakRss, process.memoryUsage().rss);
global.gc?.();
const after = process.memoryUsage();
// One more walk right after a full collection: what a caller pays whose process collected
// the shapes and code of the previous walk (V8 may recompile), beside the warm median.
global.gc?.();
const afterGc = await walk();
const last = measured.at(-1) ?? { wallMs: 0, cpuMs: 0, items: 0, distinct: 0 };
first ??= measured[0] ?? last;
const report: ContenderReport = {
  retainedMiB: mib(after.rss) - mib(startRss),
  heapUsedMiB: mib(after.heapUsed),
  items: last.items,
  distinct: last.distinct,
  consistent: [first, ...measured, afterGc].every(
    (run) => run.items === last.items && run.distinct === last.distinct,
  ),
  wallMs: median(measured.map((run) => run.wallMs)),
  cpuMs: median(measured.map((run) => run.cpuMs)),
  firstWallMs: first.wallMs,
  firstCpuMs: first.cpuMs,
  afterGcWallMs: afterGc.wallMs,
  afterGcCpuMs: afterGc.cpuMs,
  startRssMiB: mib(startRss),
  peakRssMiB: job.sampleRss ? mib(peakRss) : process.resourceUsage().maxRSS / 1024,
  gcShare:
    gcMs /
    Math.max(
      1,
      measured.reduce((total, run) => total + run.wallMs, 0),
    ),
  profileSummary,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
