import type pg from 'pg';

const guarded = new WeakSet<pg.Pool>();

/**
 * Makes a pool safe to lose its database: a connection that dies while idle or checked out
 * between queries emits `error`, which crashes the process when nobody listens. The fleet
 * notices a lost database through its own queries and identity connection instead, so
 * these events need only a listener. Idempotent.
 */
export function guardPool(pool: pg.Pool): pg.Pool {
  if (guarded.has(pool)) return pool;
  guarded.add(pool);
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  return pool;
}
