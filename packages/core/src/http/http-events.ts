/** Emitted before each attempt is sent. */
export interface RequestEvent {
  readonly type: 'request';
  readonly vendor: string;
  readonly method: string;
  readonly path: string;
  readonly attempt: number;
}

/** Emitted when a response (any status) arrives. */
export interface ResponseEvent {
  readonly type: 'response';
  readonly vendor: string;
  readonly method: string;
  readonly path: string;
  readonly attempt: number;
  readonly status: number;
  readonly durationMs: number;
}

/** Emitted before a retry is scheduled. */
export interface RetryEvent {
  readonly type: 'retry';
  readonly vendor: string;
  readonly method: string;
  readonly path: string;
  readonly attempt: number;
  readonly delayMs: number;
  readonly reason: string;
}

/** Emitted when a request waits for the rate-limit budget. */
export interface RateLimitedEvent {
  readonly type: 'rateLimited';
  readonly vendor: string;
  readonly waitMs: number;
  readonly reason: 'remaining' | 'retry-after';
}

/** Every transport event. Events never carry headers, bodies or secrets. */
export type HttpEvent = RequestEvent | ResponseEvent | RetryEvent | RateLimitedEvent;

/** A listener of transport events; exceptions it throws are ignored. */
export type HttpEventListener = (event: HttpEvent) => void;
