import type pg from 'pg';

type ConnectCallback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  release: (error?: Error) => void,
) => void;

/**
 * The pool as graphile-worker should see it: a client checked out with a callback can be
 * released any number of times, the first release counting. When the database drops,
 * graphile-worker releases its listening client both from the client's error handler and
 * from its own shutdown, and pg-pool answers the second with an error that becomes an
 * unhandled rejection (seen in about one run in three of the restart test). Everything else
 * is the pool itself.
 */
export function releaseOncePool(pool: pg.Pool): pg.Pool {
  return new Proxy(pool, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property === 'connect') {
        return (callback?: ConnectCallback) => {
          if (!callback) return target.connect();
          target.connect((error, client, release) => {
            let released = false;
            callback(error, client, (releaseError?: Error) => {
              if (released) return;
              released = true;
              release(releaseError);
            });
          });
          return undefined;
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
