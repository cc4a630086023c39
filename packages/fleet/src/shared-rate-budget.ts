import { OrgPortError, systemClock } from '@orgport/core';
import type { Clock, RequestPacer } from '@orgport/core/driver';
import type pg from 'pg';
import { FLEET_SCHEMA } from './fleet-schema.js';

/** Options of {@link sharedRateBudget}. */
export interface SharedRateBudgetOptions {
  /** Names the budget: one per vendor credential (never the secret itself). */
  readonly key: string;
  /** Requests per second the whole fleet may send with this credential. */
  readonly rate: number;
  /** Requests that may go at once after a quiet spell. Default: one second's worth. */
  readonly burst?: number | undefined;
  /** Time source of the waits (injectable for tests). */
  readonly clock?: Clock | undefined;
}

/**
 * A token bucket in PostgreSQL shared by every worker that uses one vendor credential, as
 * a {@link RequestPacer} for the HTTP client. Each request takes a token in one statement;
 * when none is left it takes one on credit, and waits until the bucket has refilled it, so
 * N workers together send at `rate`, not N times it. (Each worker still paces from the
 * vendor's own rate-limit headers as well.)
 */
export function sharedRateBudget(pool: pg.Pool, options: SharedRateBudgetOptions): RequestPacer {
  const { key, rate } = options;
  const burst = options.burst ?? Math.max(1, rate);
  if (!(Number.isFinite(rate) && rate > 0))
    throw new OrgPortError(
      'invalid_argument',
      'the shared rate must be a positive number of requests per second',
    );
  if (!(Number.isFinite(burst) && burst >= 1))
    throw new OrgPortError('invalid_argument', 'the shared burst must be at least 1');
  const clock = options.clock ?? systemClock;
  return {
    async acquire(signal) {
      const { rows } = await pool.query<{ tokens: number }>(
        `INSERT INTO ${FLEET_SCHEMA}.rate_budgets AS b (budget_key, rate, burst, tokens)
         VALUES ($1, $2::double precision, $3::double precision, $3::double precision - 1)
         ON CONFLICT (budget_key) DO UPDATE SET
           rate = EXCLUDED.rate, burst = EXCLUDED.burst,
           tokens = least(EXCLUDED.burst,
                          b.tokens + EXCLUDED.rate * extract(epoch FROM clock_timestamp() - b.refreshed_at)) - 1,
           refreshed_at = clock_timestamp()
         RETURNING tokens`,
        [key, rate, burst],
      );
      const tokens = Number(rows[0]?.tokens ?? 0);
      if (tokens < 0) await clock.sleep((-tokens / rate) * 1000, signal);
    },
  };
}
