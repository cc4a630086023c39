import type { ErrorCode } from '../errors/error-code.js';

/** Emitted by the facade after every adapter call (each page of a list is one call). */
export interface OperationEvent {
  /** The facade operation, e.g. `members.list`. */
  readonly operation: string;
  /** The adapter's name. */
  readonly vendor: string;
  /** Wall time of the call. */
  readonly durationMs: number;
  /** How it ended. */
  readonly outcome: 'ok' | 'error';
  /** The error code when it failed. */
  readonly code?: ErrorCode | undefined;
}
