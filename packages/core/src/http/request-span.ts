import type { TraceSpan } from '../tracing/tracer.js';

/**
 * What the HTTP client records on one request's span: the last status answered, each
 * retry, and the time spent waiting for the rate-limit budget (in the client's clock).
 */
export class RequestSpan {
  private waitedMs = 0;

  constructor(private readonly span: TraceSpan) {}

  /** An attempt was answered with `status`. */
  answered(status: number): void {
    this.span.setAttribute('http.response.status_code', status);
  }

  /** Retry number `retry` is scheduled after `delayMs` because of `reason`. */
  retried(retry: number, delayMs: number, reason: string): void {
    this.span.setAttribute('orgport.retries', retry);
    this.span.addEvent('retry', {
      'orgport.retry': retry,
      'orgport.delay_ms': delayMs,
      'orgport.reason': reason,
    });
  }

  /** An attempt waited `ms` for the rate-limit budget before it was sent. */
  waited(ms: number): void {
    if (ms <= 0) return;
    this.waitedMs += ms;
    this.span.setAttribute('orgport.rate_limit_wait_ms', this.waitedMs);
    this.span.addEvent('rate_limit_wait', { 'orgport.wait_ms': ms });
  }
}
