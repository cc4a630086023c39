/** What a response says about the client's rate limit. All fields optional. */
export interface RateLimitInfo {
  /** Bucket size or requests per window. */
  readonly limit?: number | undefined;
  /** Requests left before the reset. */
  readonly remaining?: number | undefined;
  /** When the budget is next replenished, epoch ms. */
  readonly resetAtMs?: number | undefined;
  /** How long the vendor asked us to wait (`Retry-After`), ms. */
  readonly retryAfterMs?: number | undefined;
}

type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

function header(headers: HeaderBag, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = headers[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (Array.isArray(value) && value[0] !== undefined) return value[0].trim();
  }
  return undefined;
}

function parseNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^-?\d+(\.\d+)?$/.test(value)) return undefined;
  return Number(value);
}

/**
 * Reads a reset time leniently: epoch seconds (Auth0), epoch milliseconds, a number of
 * seconds from now, an ISO-8601 or an HTTP date (the cloud-org API's format is unconfirmed).
 */
export function parseResetTime(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const numeric = parseNumber(value);
  if (numeric !== undefined) {
    if (numeric > 1e12) return numeric; // epoch ms
    if (numeric > 1e9) return numeric * 1000; // epoch s
    return nowMs + numeric * 1000; // delta seconds
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date;
}

/** `Retry-After` as milliseconds: integer seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const numeric = parseNumber(value);
  if (numeric !== undefined) return Math.max(0, numeric * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * Reads `X-RateLimit-*` (Auth0), `X-Rate-Limit-*` (cloud-org) and `Retry-After` from
 * lower-cased response headers.
 */
export function readRateLimitHeaders(headers: HeaderBag, nowMs: number): RateLimitInfo {
  return {
    limit: parseNumber(header(headers, 'x-ratelimit-limit', 'x-rate-limit-limit')),
    remaining: parseNumber(header(headers, 'x-ratelimit-remaining', 'x-rate-limit-remaining')),
    resetAtMs: parseResetTime(header(headers, 'x-ratelimit-reset', 'x-rate-limit-reset'), nowMs),
    retryAfterMs: parseRetryAfter(header(headers, 'retry-after'), nowMs),
  };
}
