import { describeJournalStoreContract } from '@orgport/migrate/testing';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { guardPool, postgresJournalStore } from '../src/index.js';
import { postgresSkipReason, startThrowawayPostgres, type ThrowawayPostgres } from '../src/testing/index.js';

// The PostgreSQL journal keeps the contract of every journal store, on a real cluster:
// each store gets a database of its own.
let db: ThrowawayPostgres;
const pools: pg.Pool[] = [];

const skip = postgresSkipReason();
if (skip) console.warn(`PostgreSQL journal store tests skipped: ${skip}`);

beforeAll(async () => {
  if (skip) return;
  db = await startThrowawayPostgres();
}, 60_000);

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await db?.stop();
});

describeJournalStoreContract(
  'postgres',
  async () => {
    const pool = guardPool(new pg.Pool({ connectionString: await db.createDatabase(), max: 8 }));
    pools.push(pool);
    return postgresJournalStore(pool);
  },
  { holdsOnePlan: false, skip },
);
