import type { FleetFailure } from './fleet-tasks.js';

/** What a worker reports. */
export type FleetWorkerEvent =
  | { readonly type: 'started'; readonly workerId: string }
  | { readonly type: 'outcome'; readonly planId: string; readonly status: string }
  /** Jobs handed back: their workers `stopped` (identity lock gone) or `stalled` (no progress for `stallMs`). */
  | {
      readonly type: 'reclaimed';
      readonly workerIds: readonly string[];
      readonly reason: 'stopped' | 'stalled';
    }
  | { readonly type: 'sessionLost'; readonly workerId: string; readonly message: string }
  | ({ readonly type: 'failure' } & FleetFailure)
  /** The worker stopped itself: the store's schema is not this orgport's. */
  | { readonly type: 'fatal'; readonly message: string }
  | { readonly type: 'error'; readonly message: string };
