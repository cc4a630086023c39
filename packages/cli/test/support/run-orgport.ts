import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The built command, as users run it (`tsc -b` runs before the tests). */
export const ORGPORT_BIN = resolve(import.meta.dirname, '../../dist/bin.js');

/** How a run of the command ended. */
export interface OrgportRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `orgport` with `args` in `cwd`, with only PATH and `env` in its
 * environment, and collects what it printed. `onStart` gets the child (to signal it).
 */
export function runOrgport(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined>; onStart?: (child: ChildProcess) => void },
): Promise<OrgportRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [ORGPORT_BIN, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => done({ code, stdout, stderr }));
    options.onStart?.(child);
  });
}
