import { describe, expect, it } from 'vitest';
import { OrgPortError } from '../src/errors/orgport-error.js';
import { path } from '../src/http/path.js';
import { parseResetTime, parseRetryAfter, readRateLimitHeaders } from '../src/http/rate-limit-headers.js';
import { REDACTED, redact } from '../src/http/redactor.js';
import { backoffDelay, DEFAULT_RETRY_POLICY, isRetryableStatus } from '../src/http/retry-policy.js';
import { verifiedWrite } from '../src/http/verified-write.js';

// The transport's pure helpers, held to their contracts directly: mutation testing showed
// the client's tests let wrong backoff ceilings, retryable statuses, header parsing and
// verified-write conflicts through.

describe('backoffDelay', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
  it('waits a random share of a ceiling that doubles per attempt up to maxDelayMs', () => {
    const half = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 9].map((attempt) => backoffDelay(attempt, policy, half))).toEqual([
      50, 100, 200, 400, 500, 500, 500,
    ]);
    expect(backoffDelay(2, policy, () => 0.999)).toBe(399);
    expect(backoffDelay(2, policy, () => 0)).toBe(0);
  });
});

describe('isRetryableStatus', () => {
  it('retries 408, 429 and every 5xx but 501 and 505, nothing else', () => {
    const retryable = [408, 429, 500, 502, 503, 504, 507, 599];
    const final = [200, 201, 400, 401, 403, 404, 409, 412, 422, 499, 501, 505];
    expect(retryable.filter((status) => !isRetryableStatus(status))).toEqual([]);
    expect(final.filter((status) => isRetryableStatus(status))).toEqual([]);
  });
});

describe('rate-limit headers', () => {
  const now = 1_700_000_000_000;

  it('reads Retry-After as seconds or an HTTP date, never negative, nothing from garbage', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('-3', now)).toBe(0);
    expect(parseRetryAfter(new Date(now + 4000).toUTCString(), now)).toBe(4000);
    expect(parseRetryAfter(new Date(now - 4000).toUTCString(), now)).toBe(0);
    for (const garbage of ['soon', '2s', 'x2', '1.5x', '1.x5'])
      expect(parseRetryAfter(garbage, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('reads a reset as epoch ms, epoch seconds, seconds from now or a date, by magnitude', () => {
    expect(parseResetTime('1700000123456', now)).toBe(1_700_000_123_456);
    expect(parseResetTime('1700000123', now)).toBe(1_700_000_123_000);
    expect(parseResetTime('30', now)).toBe(now + 30_000);
    // The boundaries belong to the smaller reading.
    expect(parseResetTime('1000000000', now)).toBe(now + 1e12);
    expect(parseResetTime('1000000000000', now)).toBe(1e15);
    expect(parseResetTime('2026-12-06T12:00:00Z', now)).toBe(Date.parse('2026-12-06T12:00:00Z'));
    expect(parseResetTime('later', now)).toBeUndefined();
    expect(parseResetTime(undefined, now)).toBeUndefined();
  });

  it('takes either spelling, trims, takes the first of repeated headers, and skips blank ones', () => {
    expect(
      readRateLimitHeaders(
        {
          'x-ratelimit-limit': ' ',
          'x-rate-limit-limit': ' 50 ',
          'x-ratelimit-remaining': ['7 ', '9'],
          'x-rate-limit-reset': '10',
          'retry-after': ' 3',
        },
        now,
      ),
    ).toStrictEqual({ limit: 50, remaining: 7, resetAtMs: now + 10_000, retryAfterMs: 3000 });
    expect(
      readRateLimitHeaders({ 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': [] }, now),
    ).toStrictEqual({
      limit: 5,
      remaining: undefined,
      resetAtMs: undefined,
      retryAfterMs: undefined,
    });
  });
});

describe('redact', () => {
  it('ignores secrets shorter than four characters and redacts from four on', () => {
    expect(redact('the abc of it', ['abc'])).toBe('the abc of it');
    expect(redact('the abcd of it', ['abcd'])).toBe(`the ${REDACTED} of it`);
  });

  it('scrubs an Authorization value after any run of spaces', () => {
    expect(redact('Authorization: Bearer   abcdefgh12345', [])).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redact('Basic\tQWxhZGRpbjpvcGVu', [])).toBe(`Basic ${REDACTED}`);
    // Short words after "Bearer" are prose, not credentials.
    expect(redact('Bearer token', [])).toBe('Bearer token');
  });
});

describe('path', () => {
  it('names the position of a refused segment', () => {
    expect(() => path`/organizations/${'org'}/members/${'..'}`).toThrow('path segment 2 must not be ".."');
    expect(path`/a/${'x y'}/b`).toBe('/a/x%20y/b');
  });
});

describe('verifiedWrite', () => {
  const unavailable = () => new OrgPortError('unavailable', 'reset');
  const exists = () => new OrgPortError('already_exists', 'exists');

  it('takes already_exists on a retry as the first attempt having succeeded, when told so', async () => {
    const outcomes = [unavailable(), exists()];
    let verified = 0;
    const result = await verifiedWrite({
      write: async () => {
        throw outcomes.shift();
      },
      verify: async () => (++verified === 1 ? undefined : 'org_1'),
      conflictMeansDone: true,
    });
    expect([result, verified]).toEqual(['org_1', 2]);
  });

  it('does not take a first-attempt already_exists, or one without conflictMeansDone, as done', async () => {
    let verified = 0;
    const verify = async () => {
      verified++;
      return 'org_1';
    };
    await expect(
      verifiedWrite({
        write: async () => {
          throw exists();
        },
        verify,
        conflictMeansDone: true,
      }),
    ).rejects.toSatisfy((error) => OrgPortError.is(error, 'already_exists'));
    const outcomes = [unavailable(), exists()];
    let lookups = 0;
    await expect(
      verifiedWrite({
        write: async () => {
          throw outcomes.shift();
        },
        verify: async () => (++lookups === 1 ? undefined : 'org_1'),
      }),
    ).rejects.toSatisfy((error) => OrgPortError.is(error, 'already_exists'));
    expect([verified, lookups]).toEqual([0, 1]);
  });

  it('fails with the conflict when a conflicting retry finds nothing written', async () => {
    const outcomes = [unavailable(), exists()];
    await expect(
      verifiedWrite({
        write: async () => {
          throw outcomes.shift();
        },
        verify: async () => undefined,
        conflictMeansDone: true,
      }),
    ).rejects.toSatisfy((error) => OrgPortError.is(error, 'already_exists'));
  });

  it('sends the write exactly `attempts` times, then fails with the last error', async () => {
    let writes = 0;
    const error = await verifiedWrite({
      write: async () => {
        writes++;
        throw new OrgPortError('timeout', `attempt ${writes}`);
      },
      verify: async () => undefined,
      attempts: 3,
    }).catch((e: unknown) => e);
    expect([writes, (error as OrgPortError).message]).toEqual([3, 'attempt 3']);
  });
});
