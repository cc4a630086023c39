import type { Directory, Logger, Tracer } from '@orgport/core';
import { OrgPortError } from '@orgport/core';
import pLimit from 'p-limit';
import { fileJournalStore, type JournalRun, type JournalStore } from './journal-store.js';
import { memberChains } from './member-chains.js';
import type { MigrationOperation, MigrationPlan } from './migration-plan.js';
import { createOperationRunner } from './operation-runner.js';

/** Options of {@link applyMigration}. */
export interface ApplyMigrationOptions {
  /** Where to write. */
  readonly target: Directory;
  /**
   * Where outcomes are recorded: a journal file's path, or any {@link JournalStore}.
   * Without one nothing survives a crash.
   */
  readonly journal?: string | JournalStore | undefined;
  /** Continue the run recorded in `journal`. */
  readonly resume?: boolean | undefined;
  /** Members written at once. Default 4. */
  readonly concurrency?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Records a span per operation (see `@orgport/core/opentelemetry`). */
  readonly tracer?: Tracer | undefined;
  /** Told when the run starts and ends (`info`) and of each outcome (failures `warn`, the rest `debug`). */
  readonly logger?: Logger | undefined;
  /** Called after each operation. */
  readonly onProgress?:
    | ((progress: {
        done: number;
        total: number;
        operation: MigrationOperation;
        status: OperationOutcome['status'];
      }) => void)
    | undefined;
}

/**
 * How one operation ended: `applied`; `skipped` because the target already held it (or an
 * earlier run did it); `failed`; or `blocked`, never attempted because an earlier
 * operation of the same member failed. Only `applied` and `skipped` count as done: a
 * resumed run retries failures and runs blocked operations.
 */
export interface OperationOutcome {
  readonly operation: MigrationOperation;
  readonly status: 'applied' | 'skipped' | 'failed' | 'blocked';
  /** Why it was skipped, failed or blocked. */
  readonly reason?: string | undefined;
  /** The error code of a failure; `conflict` when the target moved since planning. */
  readonly code?: string | undefined;
}

/** What `applyMigration` returns. */
export interface ApplyResult {
  readonly applied: readonly OperationOutcome[];
  readonly skipped: readonly OperationOutcome[];
  readonly failed: readonly OperationOutcome[];
  /** Operations not attempted because an earlier operation of their member failed. */
  readonly blocked: readonly OperationOutcome[];
  /** How old the plan was when the run started, in milliseconds. */
  readonly planAgeMs: number;
  /** Bytes of a journal line cut short by an earlier kill, removed before resuming (0 when none). */
  readonly repairedJournalBytes: number;
}

/**
 * Applies a plan: creates organizations first, then writes each member's operations in
 * order, members in parallel. Every operation is idempotent, and each outcome is appended
 * to the journal as it ends, so a run killed at any point resumes with `resume: true` and
 * ends exactly like an unbroken run. A failed operation blocks the rest of its member's
 * chain (retried on resume) and never stops the others. `set_grants` re-reads the member
 * and applies only the planned difference. The journal is locked while the run lasts.
 * Cancellation (`signal`) stops between operations.
 */
export async function applyMigration(
  plan: MigrationPlan,
  options: ApplyMigrationOptions,
): Promise<ApplyResult> {
  const { target } = options;
  if (plan.target.vendor !== target.name) {
    throw new OrgPortError(
      'invalid_argument',
      `the plan was made for target ${plan.target.vendor}, not ${target.name}`,
    );
  }
  const planAgeMs = Math.max(0, Date.now() - Date.parse(plan.createdAt));
  const store = typeof options.journal === 'object' ? options.journal : fileJournalStore(options.journal);
  const journal = await store.open(plan, options.resume ?? false);
  try {
    return await applyJournaled(plan, options, journal, planAgeMs);
  } finally {
    await journal.close();
  }
}

async function applyJournaled(
  plan: MigrationPlan,
  options: ApplyMigrationOptions,
  journal: JournalRun,
  planAgeMs: number,
): Promise<ApplyResult> {
  const outcomes: OperationOutcome[] = [];
  let done = 0;
  const runner = createOperationRunner({
    target: options.target,
    journal,
    signal: options.signal,
    tracer: options.tracer,
    logger: options.logger,
    onOutcome(outcome) {
      outcomes.push(outcome);
      options.onProgress?.({
        done: ++done,
        total: plan.operations.length,
        operation: outcome.operation,
        status: outcome.status,
      });
    },
  });

  options.logger?.info(
    { planId: plan.planId, operations: plan.operations.length, resume: options.resume ?? false },
    'migration started',
  );
  for (const operation of plan.operations)
    if (operation.type === 'create_organization') await runner.execute(operation);

  const limit = pLimit(Math.max(1, options.concurrency ?? 4));
  await Promise.all(memberChains(plan.operations).map((chain) => limit(() => runner.runChain(chain))));

  const result = {
    applied: outcomes.filter((o) => o.status === 'applied'),
    skipped: outcomes.filter((o) => o.status === 'skipped'),
    failed: outcomes.filter((o) => o.status === 'failed'),
    blocked: outcomes.filter((o) => o.status === 'blocked'),
    planAgeMs,
    repairedJournalBytes: journal.repairedBytes,
  };
  options.logger?.info(
    {
      planId: plan.planId,
      applied: result.applied.length,
      skipped: result.skipped.length,
      failed: result.failed.length,
      blocked: result.blocked.length,
    },
    'migration finished',
  );
  return result;
}
