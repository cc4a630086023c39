import type { ContenderJob, ContenderReport } from './contender-protocol.js';
import { CONTENDERS, counter } from './contenders.js';

// One contender run in a fresh process, so wall time, CPU and RSS are its own.
const job = JSON.parse(process.argv[2] ?? '{}') as ContenderJob;
const contender = CONTENDERS[job.contender];
if (!contender) throw new Error(`unknown contender ${job.contender}`);
const mib = (bytes: number) => bytes / 1024 / 1024;

global.gc?.();
const startRss = process.memoryUsage().rss;
let peakRss = startRss;
const sampler = job.sampleRss
  ? setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)
  : undefined;
// BENCH_PROFILE=file writes a CPU profile of the measured work only (for analysis).
const profileFile = process.env.BENCH_PROFILE;
const session = profileFile ? new (await import('node:inspector/promises')).Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const count = counter();
const cpu = process.cpuUsage();
const started = performance.now();
await contender(job, count.seen);
const wallMs = performance.now() - started;
const used = process.cpuUsage(cpu);
if (sampler) clearInterval(sampler);
if (session && profileFile) {
  const { profile } = await session.post('Profiler.stop');
  (await import('node:fs')).writeFileSync(profileFile, JSON.stringify(profile));
}
peakRss = Math.max(peakRss, process.memoryUsage().rss);
global.gc?.();
const after = process.memoryUsage();
const report: ContenderReport = {
  retainedMiB: mib(after.rss) - mib(startRss),
  heapUsedMiB: mib(after.heapUsed),
  items: count.items,
  distinct: count.distinct,
  wallMs,
  cpuMs: (used.user + used.system) / 1000,
  startRssMiB: mib(startRss),
  peakRssMiB: job.sampleRss ? mib(peakRss) : process.resourceUsage().maxRSS / 1024,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
