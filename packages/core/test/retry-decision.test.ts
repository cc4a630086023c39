import { describe, expect, it } from 'vitest';
import { type AttemptAnswer, decideRetry, type RetryContext } from '../src/http/retry-decision.js';

const NOW = 1_700_000_000_000;
const base: RetryContext = {
  attempt: 0,
  idempotent: true,
  canRefresh: true,
  policy: { maxRetries: 4, maxRetryAfterMs: 60_000 },
  nowMs: NOW,
  backoffMs: () => 150,
};
const status = (code: number, extra: { retryAfterMs?: number; resetAtMs?: number } = {}): AttemptAnswer => ({
  kind: 'status',
  status: code,
  ...extra,
});

// [what, answer, context overrides, decision]
const TABLE: [string, AttemptAnswer, Partial<RetryContext>, ReturnType<typeof decideRetry>][] = [
  [
    'a reset, idempotent',
    { kind: 'no_answer', reason: 'ECONNRESET' },
    {},
    { action: 'retry', delayMs: 150, reason: 'ECONNRESET' },
  ],
  [
    'a reset, not idempotent',
    { kind: 'no_answer', reason: 'ECONNRESET' },
    { idempotent: false },
    { action: 'fail' },
  ],
  [
    'a reset on the last attempt',
    { kind: 'no_answer', reason: 'ECONNRESET' },
    { attempt: 4 },
    { action: 'fail' },
  ],
  [
    'truncated JSON, idempotent',
    { kind: 'invalid_json' },
    {},
    { action: 'retry', delayMs: 150, reason: 'invalid JSON' },
  ],
  ['truncated JSON, not idempotent', { kind: 'invalid_json' }, { idempotent: false }, { action: 'fail' }],
  ['401, credential refreshable', status(401), {}, { action: 'refresh' }],
  ['401 after the refresh', status(401), { canRefresh: false }, { action: 'fail' }],
  [
    '429 with Retry-After',
    status(429, { retryAfterMs: 2000 }),
    {},
    { action: 'retry', delayMs: 2000, reason: '429', blockUntilMs: NOW + 2000 },
  ],
  [
    '429, backoff longer than Retry-After',
    status(429, { retryAfterMs: 100 }),
    {},
    { action: 'retry', delayMs: 150, reason: '429', blockUntilMs: NOW + 100 },
  ],
  [
    '429 with a reset time only',
    status(429, { resetAtMs: NOW + 5000 }),
    {},
    { action: 'retry', delayMs: 5000, reason: '429', blockUntilMs: NOW + 5000 },
  ],
  [
    '429 with a reset in the past',
    status(429, { resetAtMs: NOW - 1 }),
    {},
    { action: 'retry', delayMs: 150, reason: '429' },
  ],
  [
    '429, not idempotent (the vendor did not process it)',
    status(429, { retryAfterMs: 1000 }),
    { idempotent: false },
    { action: 'retry', delayMs: 1000, reason: '429', blockUntilMs: NOW + 1000 },
  ],
  ['429 asking for more than maxRetryAfterMs', status(429, { retryAfterMs: 60_001 }), {}, { action: 'fail' }],
  [
    '429 on the last attempt still blocks the budget',
    status(429, { retryAfterMs: 1000 }),
    { attempt: 4 },
    { action: 'fail', blockUntilMs: NOW + 1000 },
  ],
  ['503, idempotent', status(503), {}, { action: 'retry', delayMs: 150, reason: '503' }],
  [
    '503 with Retry-After',
    status(503, { retryAfterMs: 3000 }),
    {},
    { action: 'retry', delayMs: 3000, reason: '503' },
  ],
  ['503 asking for too long', status(503, { retryAfterMs: 90_000 }), {}, { action: 'fail' }],
  ['503, not idempotent', status(503), { idempotent: false }, { action: 'fail' }],
  ['408, idempotent', status(408), {}, { action: 'retry', delayMs: 150, reason: '408' }],
  ['501 (never retried)', status(501), {}, { action: 'fail' }],
  ['505 (never retried)', status(505), {}, { action: 'fail' }],
  ['404', status(404), {}, { action: 'fail' }],
  ['400', status(400), {}, { action: 'fail' }],
  ['403', status(403), {}, { action: 'fail' }],
];

describe('decideRetry', () => {
  it.each(TABLE)('%s', (_what, answer, overrides, expected) => {
    expect(decideRetry(answer, { ...base, ...overrides })).toEqual(expected);
  });

  it('asks for the backoff only when a retry (or a 429) needs it', () => {
    let asked = 0;
    const counting = { ...base, backoffMs: () => ++asked };
    decideRetry(status(404), counting);
    decideRetry(status(401), counting);
    decideRetry({ kind: 'no_answer', reason: 'ECONNRESET' }, { ...counting, idempotent: false });
    expect(asked).toBe(0);
    decideRetry(status(503), counting);
    expect(asked).toBe(1);
  });
});
