import type { RetryPolicy } from './retry-policy.js';
import { isRetryableStatus } from './retry-policy.js';

/** What one attempt came back with, as far as retrying is concerned. */
export type AttemptAnswer =
  /** No answer: the connection failed or the attempt timed out. */
  | { readonly kind: 'no_answer'; readonly reason: string }
  /** A 2xx whose body should be JSON but is not (cut short, garbled). */
  | { readonly kind: 'invalid_json' }
  /** A non-2xx answer, with what its headers say about waiting. */
  | {
      readonly kind: 'status';
      readonly status: number;
      /** `Retry-After`, ms. */
      readonly retryAfterMs?: number | undefined;
      /** When the vendor's rate-limit window resets, epoch ms. */
      readonly resetAtMs?: number | undefined;
    };

/** Everything besides the answer that the decision depends on. */
export interface RetryContext {
  /** Retries so far (0 on the first attempt). */
  readonly attempt: number;
  /** Whether sending the request twice is harmless. */
  readonly idempotent: boolean;
  /** Whether a 401 may invalidate the credential and try once more (not done yet for this call). */
  readonly canRefresh: boolean;
  readonly policy: Pick<RetryPolicy, 'maxRetries' | 'maxRetryAfterMs'>;
  /** The clock's time, epoch ms. */
  readonly nowMs: number;
  /** The jittered backoff for this attempt; called only when a retry waits on it. */
  readonly backoffMs: () => number;
}

/** What to do after an attempt that did not succeed. */
export type RetryDecision =
  | {
      readonly action: 'retry';
      /** How long to wait first. */
      readonly delayMs: number;
      /** Why, for the `retry` event. */
      readonly reason: string;
      /** Hold every request of this rate-limit budget until then (a 429 said so). */
      readonly blockUntilMs?: number | undefined;
    }
  /** Invalidate the credential and send again at once. */
  | { readonly action: 'refresh' }
  | {
      /** Give up with the attempt's error. */
      readonly action: 'fail';
      readonly blockUntilMs?: number | undefined;
    };

/**
 * The transport's retry decision, as a pure function of the attempt's answer: connection
 * failures, timeouts and truncated JSON are retried with backoff when the request is
 * idempotent; a 401 refreshes the credential once; a 429 is retried for any method (the
 * vendor did not process it) after `Retry-After` or the window's reset (and blocks the
 * budget until then), unless that is beyond `maxRetryAfterMs`; 408 and 5xx other than
 * 501/505 are retried when idempotent; anything else fails. No retry beyond `maxRetries`.
 */
export function decideRetry(answer: AttemptAnswer, context: RetryContext): RetryDecision {
  const { attempt, idempotent, policy } = context;
  const retry = (delayMs: number, reason: string, blockUntilMs?: number): RetryDecision =>
    attempt >= policy.maxRetries
      ? { action: 'fail', blockUntilMs }
      : { action: 'retry', delayMs, reason, blockUntilMs };

  if (answer.kind === 'no_answer')
    return idempotent ? retry(context.backoffMs(), answer.reason) : { action: 'fail' };
  if (answer.kind === 'invalid_json')
    return idempotent ? retry(context.backoffMs(), 'invalid JSON') : { action: 'fail' };

  const { status } = answer;
  if (status === 401 && context.canRefresh) return { action: 'refresh' };
  if (status === 429) {
    const wait =
      answer.retryAfterMs ??
      (answer.resetAtMs !== undefined && answer.resetAtMs > context.nowMs
        ? answer.resetAtMs - context.nowMs
        : undefined);
    if (wait !== undefined && wait > policy.maxRetryAfterMs) return { action: 'fail' };
    const blockUntilMs = wait === undefined ? undefined : context.nowMs + wait;
    return retry(Math.max(wait ?? 0, context.backoffMs()), '429', blockUntilMs);
  }
  if (idempotent && isRetryableStatus(status)) {
    const delay = Math.max(answer.retryAfterMs ?? 0, context.backoffMs());
    if (delay > policy.maxRetryAfterMs) return { action: 'fail' };
    return retry(delay, String(status));
  }
  return { action: 'fail' };
}
