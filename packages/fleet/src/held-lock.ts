import type pg from 'pg';

/** An advisory lock held on a connection of its own, for as long as the holder needs it. */
export interface HeldLock {
  /** The lock's connection (its queries run in the lock's session). */
  readonly client: pg.PoolClient;
  /** Aborted when the connection dies: the lock is gone with it. */
  readonly lost: AbortSignal;
  /** Unlocks and gives the connection back (dropping it if it died). Idempotent. */
  release(): Promise<void>;
}

/**
 * Takes the advisory lock `(space, key)` on a connection taken from the pool for it, or
 * returns undefined (and gives the connection back) when someone else holds it. The lock
 * lives exactly as long as that session: a holder whose process or session dies lets go
 * at once, which is why the fleet's liveness and "one runner" rules rest on it.
 */
export async function tryHoldLock(pool: pg.Pool, space: number, key: number): Promise<HeldLock | undefined> {
  const client = await pool.connect();
  const lost = new AbortController();
  const onError = (error: Error) => lost.abort(error);
  client.on('error', onError);
  let released: Promise<void> | undefined;
  // Once, whoever asks: a lock lost with its session and then released by a stopping
  // worker must not hand its connection back twice.
  const release = (): Promise<void> => {
    released ??= (async () => {
      if (!lost.signal.aborted)
        await client
          .query('SELECT pg_advisory_unlock($1, $2)', [space, key])
          .catch((error: Error) => onError(error));
      client.off('error', onError);
      client.release(lost.signal.aborted);
    })();
    return released;
  };
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1, $2) AS locked',
      [space, key],
    );
    if (rows[0]?.locked) return { client, lost: lost.signal, release };
  } catch (error) {
    onError(error as Error);
    await release();
    throw error;
  }
  await release();
  return undefined;
}
