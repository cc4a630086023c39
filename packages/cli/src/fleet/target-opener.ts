import type { Directory } from '@orgport/core';
import { OrgPortError } from '@orgport/core/errors';
import type { PlanTarget } from '@orgport/fleet';
import type pg from 'pg';
import type { GlobalOptions } from '../commands/command-context.js';
import { openDirectory } from '../connections/open-directory.js';
import { resolveConnection } from '../connections/resolve-connection.js';
import { parseCount } from '../options/parse-count.js';
import { budgetKey } from './open-store.js';

/** `--rate` and `--burst`: the shared budget of the target credential, in requests per second. */
export interface PacingOptions {
  readonly rate?: string | undefined;
  readonly burst?: string | undefined;
}

/**
 * What a fleet worker uses to open a plan's target: the connection the plan was submitted
 * with, resolved from this machine's configuration (`--to` when the plan names none),
 * paced by a budget in the store shared by every worker of the credential when `--rate` is
 * given. A plan for another vendor than its connection is refused.
 */
export async function targetOpener(
  fallback: string | undefined,
  options: GlobalOptions,
  pool: pg.Pool,
  pacing: PacingOptions,
): Promise<(target: PlanTarget) => Promise<Directory>> {
  const totalMs = parseCount(options.timeout, '--timeout', 1, 86_400) * 1000;
  const rate = pacing.rate === undefined ? undefined : parseCount(pacing.rate, '--rate', 1, 100_000);
  const burst = pacing.burst === undefined ? undefined : parseCount(pacing.burst, '--burst', 1, 100_000);
  const { sharedRateBudget } = await import('@orgport/fleet');
  return async ({ vendor, connection }) => {
    const name = connection ?? fallback;
    if (!name)
      throw new OrgPortError(
        'invalid_argument',
        'the plan names no target connection: start the worker with --to <connection>',
      );
    const spec = await resolveConnection(name, options.config);
    if (vendor !== spec.vendor)
      throw new OrgPortError(
        'failed_precondition',
        `the plan targets ${vendor}, but connection ${name} is ${spec.vendor}`,
      );
    const pacer = rate ? sharedRateBudget(pool, { key: budgetKey(spec), rate, burst }) : undefined;
    return openDirectory(spec, { timeouts: { totalMs }, ...(pacer ? { pacer } : {}) });
  };
}
