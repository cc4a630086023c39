import type { SimResponse } from './sim-server.js';
import type { BucketOptions, BucketVerdict } from './token-bucket.js';

/** The names a vendor gives its rate-limit response headers; a name left out is not sent. */
export interface RateLimitHeaderNames {
  /** Bucket size, e.g. `x-ratelimit-limit`. */
  readonly limit?: string | undefined;
  /** Requests left, e.g. `x-ratelimit-remaining`. */
  readonly remaining?: string | undefined;
  /** When the bucket refills, e.g. `x-ratelimit-reset`. */
  readonly reset?: string | undefined;
}

/** How a proxy limits and reports rate, in the vendor's words. */
export interface ProxyRateLimit {
  /** A token bucket per credential (the `authorization` header); none by default (only injected 429s). */
  readonly bucket?: BucketOptions | undefined;
  /** Header names. Default `x-ratelimit-limit`, `x-ratelimit-remaining`, `x-ratelimit-reset`. */
  readonly headers?: RateLimitHeaderNames | undefined;
  /** How the reset header reads: epoch seconds (default), seconds from now, or an ISO date. */
  readonly resetFormat?: 'epoch-seconds' | 'delta-seconds' | 'iso' | undefined;
  /** `Retry-After` of injected 429s, seconds. Default 1. */
  readonly retryAfterSeconds?: number | undefined;
  /** The vendor's 429 (status and body); `Retry-After` and the rate headers are added. */
  readonly response?: ((retryAfterSeconds: number) => SimResponse) | undefined;
}

const DEFAULT_NAMES: Required<RateLimitHeaderNames> = {
  limit: 'x-ratelimit-limit',
  remaining: 'x-ratelimit-remaining',
  reset: 'x-ratelimit-reset',
};

/** Whole seconds until `resetAtMs`, at least 1: what a `Retry-After` says. */
export function retryAfterSeconds(resetAtMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil((resetAtMs - nowMs) / 1000));
}

/** The vendor's rate-limit headers for a bucket's state. */
export function rateLimitHeaders(
  rate: ProxyRateLimit,
  verdict: Pick<BucketVerdict, 'limit' | 'remaining' | 'resetAtMs'>,
  nowMs: number,
): Record<string, string> {
  const names = rate.headers ?? DEFAULT_NAMES;
  const headers: Record<string, string> = {};
  if (names.limit) headers[names.limit] = String(verdict.limit);
  if (names.remaining) headers[names.remaining] = String(verdict.remaining);
  if (names.reset) {
    const format = rate.resetFormat ?? 'epoch-seconds';
    headers[names.reset] =
      format === 'iso'
        ? new Date(verdict.resetAtMs).toISOString()
        : format === 'delta-seconds'
          ? String(Math.max(0, Math.ceil((verdict.resetAtMs - nowMs) / 1000)))
          : String(Math.ceil(verdict.resetAtMs / 1000));
  }
  return headers;
}
