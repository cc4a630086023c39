import { randomBytes } from 'node:crypto';
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

/** How long a worker's setting counts after its last request, in seconds. */
export const RATE_SETTING_TTL_SECONDS = 10;

/** How often a sending worker renews its setting, in ms (well within the TTL). */
const RENEW_MS = 2_000;

/**
 * A token bucket in PostgreSQL shared by every worker that uses one vendor credential, as
 * a {@link RequestPacer} for the HTTP client. Each request takes a token in one statement;
 * when none is left it takes one on credit, and waits until the bucket has refilled it, so
 * N workers together send at `rate`, not N times it. (Each worker still paces from the
 * vendor's own rate-limit headers as well.)
 *
 * Workers may be started with different settings: the bucket runs at the **lowest** `rate`
 * (and lowest `burst`) among the workers that sent with the credential in the last
 * {@link RATE_SETTING_TTL_SECONDS} seconds, whichever started last. Each worker records its
 * setting in `rate_settings` and renews it while it sends; a worker that stops sending drops
 * out within the TTL, and the others' settings govern again.
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
  const holder = randomBytes(8).toString('hex');
  let renewedAt = Number.NEGATIVE_INFINITY;
  let renewing: Promise<unknown> | undefined;
  const renew = async () => {
    renewing ??= pool
      .query(
        `INSERT INTO ${FLEET_SCHEMA}.rate_settings (budget_key, holder, rate, burst) VALUES ($1, $2, $3, $4)
         ON CONFLICT (budget_key, holder) DO UPDATE SET rate = EXCLUDED.rate, burst = EXCLUDED.burst,
           seen_at = clock_timestamp()`,
        [key, holder, rate, burst],
      )
      .then(() => {
        renewedAt = clock.now();
      })
      .finally(() => {
        renewing = undefined;
      });
    await renewing;
  };
  return {
    async acquire(signal) {
      if (clock.now() - renewedAt >= RENEW_MS) await renew();
      const { rows } = await pool.query<{ tokens: number; rate: number }>(
        `WITH live AS (
           SELECT min(rate) AS rate, min(burst) AS burst FROM ${FLEET_SCHEMA}.rate_settings
           WHERE budget_key = $1 AND seen_at > clock_timestamp() - make_interval(secs => $4))
         INSERT INTO ${FLEET_SCHEMA}.rate_budgets AS b (budget_key, rate, burst, tokens)
         SELECT $1, coalesce(live.rate, $2), coalesce(live.burst, $3), coalesce(live.burst, $3) - 1 FROM live
         ON CONFLICT (budget_key) DO UPDATE SET
           rate = EXCLUDED.rate, burst = EXCLUDED.burst,
           tokens = least(EXCLUDED.burst,
                          b.tokens + b.rate * extract(epoch FROM clock_timestamp() - b.refreshed_at)) - 1,
           refreshed_at = clock_timestamp()
         RETURNING tokens, rate`,
        [key, rate, burst, RATE_SETTING_TTL_SECONDS],
      );
      const tokens = Number(rows[0]?.tokens ?? 0);
      const current = Number(rows[0]?.rate ?? rate);
      if (tokens < 0) await clock.sleep((-tokens / current) * 1000, signal);
    },
  };
}
