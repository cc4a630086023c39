import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ContenderJob, ContenderReport } from './contender-protocol.js';

const MAIN = fileURLToPath(new URL('./contender-main.js', import.meta.url));

/** Runs one contender in a fresh Node process and returns its report. */
export function runInChild(job: ContenderJob): Promise<ContenderReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', MAIN, JSON.stringify(job)], {
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
