import type { ErrorCode } from '../errors/error-code.js';

/** Emitted by the facade just before an adapter call (each page of a list is one call). */
export interface OperationStartEvent {
  readonly phase: 'start';
  /** The facade operation, e.g. `members.list`. */
  readonly operation: string;
  /** The adapter's name. */
  readonly vendor: string;
}

/** Emitted by the facade when an adapter call has ended. */
export interface OperationEndEvent {
  readonly phase: 'end';
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

/** One adapter call starting or ending; `phase` tells which. */
export type OperationEvent = OperationStartEvent | OperationEndEvent;
