import type { MigrationOperation } from './migration-plan.js';

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
