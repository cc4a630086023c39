import { execFileSync, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ContenderJob, ContenderReport } from './contender-protocol.js';

const MAIN = fileURLToPath(new URL('./contender-main.js', import.meta.url));

/** The CPU each contender runs on while {@link onOwnCore} holds, or undefined. */
let contenderCpu: number | undefined;

function setAffinity(cpuList: string, pid: number): boolean {
  try {
    execFileSync('taskset', ['-a', '-p', '-c', cpuList, String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `work` with the contenders on a core of their own: this process (the simulators)
 * keeps the other cores, each contender process is started on the last one. On a small
 * machine the simulator and the contender otherwise share cores at the scheduler's whim,
 * and a contender's CPU time swings by a third from run to run. Without `taskset`, with
 * one CPU or with `BENCH_PIN=0`, `work` runs unpinned.
 */
export async function onOwnCore<T>(work: () => Promise<T>): Promise<T> {
  const count = cpus().length;
  if (count < 2 || process.env.BENCH_PIN === '0' || !setAffinity(`0-${count - 2}`, process.pid))
    return work();
  contenderCpu = count - 1;
  try {
    return await work();
  } finally {
    contenderCpu = undefined;
    setAffinity(`0-${count - 1}`, process.pid);
  }
}

/** Runs one contender in a fresh Node process and returns its report. */
export function runInChild(job: ContenderJob): Promise<ContenderReport> {
  const node = [process.execPath, '--expose-gc', MAIN, JSON.stringify(job)];
  const command = contenderCpu === undefined ? node : ['taskset', '-c', String(contenderCpu), ...node];
  return new Promise((resolve, reject) => {
    const child = spawn(command[0] as string, command.slice(1), {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${job.contender} exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ContenderReport);
    });
  });
}

/** Median of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** `median (min–max)` with a unit. */
export function spread(values: readonly number[], digits = 0, unit = ''): string {
  return `${median(values).toFixed(digits)}${unit} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
}

/**
 * The median of per-round ratios `a / b`: round i of `a` against round i of `b`, which ran
 * next to each other ({@link rounds} interleaves contenders), so drift of the machine over
 * the run cancels out instead of landing on whichever contender it hit.
 */
export function pairedRatio<R>(
  results: ReadonlyMap<string, readonly R[]>,
  a: string,
  b: string,
  value: (run: R) => number,
): number {
  const left = results.get(a) ?? [];
  const right = results.get(b) ?? [];
  const ratios: number[] = [];
  for (let round = 0; round < Math.min(left.length, right.length); round++)
    ratios.push(value(left[round] as R) / value(right[round] as R));
  return ratios.length === 0 ? Number.NaN : median(ratios);
}
