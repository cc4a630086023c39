import { OrgPortError } from '@orgport/core';
import { createVirtualClock } from '@orgport/core/driver';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFleetSchema, guardPool, sharedRateBudget } from '../src/index.js';
import { postgresSkipReason, startThrowawayPostgres, type ThrowawayPostgres } from '../src/testing/index.js';

// The budget lives in PostgreSQL; the waits it asks for go to a virtual clock, so the test
// never sleeps: what it checks is how long each request was told to wait.
let db: ThrowawayPostgres;
const pools: pg.Pool[] = [];

const skip = postgresSkipReason();
if (skip) console.warn(`shared budget tests skipped: ${skip}`);

beforeAll(async () => {
  if (skip) return;
  db = await startThrowawayPostgres();
  for (let index = 0; index < 3; index++)
    pools.push(guardPool(new pg.Pool({ connectionString: db.url, max: 8 })));
  await ensureFleetSchema(pools[0] as pg.Pool);
}, 60_000);

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await db?.stop();
});

describe.skipIf(skip)('the shared rate budget', () => {
  it('paces three workers together at the rate, not each of them at it', async () => {
    const clock = createVirtualClock();
    const rate = 40;
    const burst = 10;
    const budgets = pools.map((pool) =>
      sharedRateBudget(pool, { key: 'auth0:tenant-a', rate, burst, clock }),
    );
    const started = Date.now();
    await Promise.all(Array.from({ length: 120 }, (_, index) => budgets[index % 3]?.acquire()));
    // Tokens the bucket refilled in real time while the statements ran.
    const refilled = ((Date.now() - started) / 1000) * rate;
    const waits = [...clock.sleeps].sort((a, b) => a - b);
    expect(waits.length).toBeGreaterThanOrEqual(120 - burst - Math.ceil(refilled) - 1);
    expect(waits.length).toBeLessThanOrEqual(120 - burst);
    // The last request waits until the fleet as a whole has spent 120 tokens at 40/s.
    const last = waits.at(-1) ?? 0;
    expect(last).toBeGreaterThan(((120 - burst - refilled - 1) / rate) * 1000);
    expect(last).toBeLessThanOrEqual(((120 - burst) / rate) * 1000 + 1);
    // The k-th request to wait is given the k-th slot one token apart (less what refilled in real time).
    const elapsedMs = Date.now() - started;
    for (const [index, wait] of waits.entries()) {
      expect(wait).toBeLessThanOrEqual(((index + 1) / rate) * 1000 + 1);
      expect(wait).toBeGreaterThanOrEqual(((index + 1) / rate) * 1000 - elapsedMs - 1);
    }
  });

  it('paces at the lowest rate among the workers sending, whichever started last', async () => {
    // Three workers at 20/s and one at 100/s (started last) on one credential: the fleet
    // sends at 20/s, so the cautious operators' limit holds.
    const clock = createVirtualClock();
    const key = 'auth0:tenant-lowest';
    // Tokens refill in real time from the first acquisition on: count from there.
    const started = Date.now();
    const slow = pools.map((pool) => sharedRateBudget(pool, { key, rate: 20, burst: 5, clock }));
    for (const budget of slow) await budget.acquire();
    const fast = sharedRateBudget(pools[0] as pg.Pool, { key, rate: 100, burst: 50, clock });
    await fast.acquire();
    await Promise.all(Array.from({ length: 80 }, () => fast.acquire()));
    const refilled = ((Date.now() - started) / 1000) * 20;
    // 84 tokens at 20/s with a burst of 5: the last waits about (84 - 5) / 20 s.
    const last = Math.max(...clock.sleeps);
    expect(last).toBeGreaterThan(((84 - 5 - refilled - 2) / 20) * 1000);
    expect(last).toBeLessThanOrEqual(((84 - 5) / 20) * 1000 + 1);
  });

  it('keeps budgets of different credentials apart', async () => {
    const clock = createVirtualClock();
    const a = sharedRateBudget(pools[0] as pg.Pool, { key: 'auth0:tenant-b', rate: 5, burst: 5, clock });
    const b = sharedRateBudget(pools[1] as pg.Pool, { key: 'auth0:tenant-c', rate: 5, burst: 5, clock });
    await Promise.all([
      ...Array.from({ length: 5 }, () => a.acquire()),
      ...Array.from({ length: 5 }, () => b.acquire()),
    ]);
    expect(clock.sleeps).toEqual([]);
  });

  it('refuses a rate that is not a positive number, before any query', () => {
    for (const rate of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => sharedRateBudget(pools[0] as pg.Pool, { key: 'k', rate })).toThrow(OrgPortError);
  });
});
