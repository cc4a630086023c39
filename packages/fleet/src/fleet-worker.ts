import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Directory } from '@orgport/core';
import { OrgPortError } from '@orgport/core';
import { type Runner, run, type WorkerEvents } from 'graphile-worker';
import type pg from 'pg';
import { advisoryKey, LOCK_SPACE } from './advisory-key.js';
import { ensureFleetSchema, FLEET_SCHEMA, silentLogger } from './fleet-schema.js';
import { TASK } from './fleet-task-names.js';
import { fleetTasks, type PlanTarget } from './fleet-tasks.js';
import { type HeldLock, tryHoldLock } from './held-lock.js';

/** Options of {@link startFleetWorker}. */
export interface FleetWorkerOptions {
  /** The store. The worker's connections come from it: size it at least `2 × concurrency + 4`. */
  readonly pool: pg.Pool;
  /** Opens a plan's target (called once per target; closed when the worker stops). */
  readonly openTarget: (target: PlanTarget) => Promise<Directory>;
  /** Jobs (runs of member chains) worked on at once. Default 4. */
  readonly concurrency?: number | undefined;
  /** How often idle workers look for retried jobs, in ms (new jobs arrive by notification). Default 500. */
  readonly pollIntervalMs?: number | undefined;
  /** How often to look for jobs held by dead workers, in ms. Default 2000. */
  readonly sweepIntervalMs?: number | undefined;
  /**
   * A job locked by a worker that has not registered yet is handed back only when locked
   * this long, in ms (registration follows the start within milliseconds). Default 5000.
   */
  readonly registrationGraceMs?: number | undefined;
  /** Told of what the worker does. */
  readonly onEvent?: ((event: FleetWorkerEvent) => void) | undefined;
}

/** What a worker reports. */
export type FleetWorkerEvent =
  | { readonly type: 'started'; readonly workerId: string }
  | { readonly type: 'outcome'; readonly planId: string; readonly status: string }
  | { readonly type: 'reclaimed'; readonly workerIds: readonly string[] }
  | { readonly type: 'sessionLost'; readonly workerId: string; readonly message: string }
  | { readonly type: 'error'; readonly message: string };

/** A running worker. */
export interface FleetWorker {
  /** This process's current identity in the fleet (a new one after a lost database session). */
  readonly id: string;
  /** Stops taking jobs, lets running chains stop between operations, closes the targets. */
  stop(): Promise<void>;
}

/**
 * Stops a runner, giving up waiting after 5 s: a runner whose database is gone cannot
 * release its jobs, and the sweep of a live worker hands them back instead.
 */
async function stopRunner(runner: Runner): Promise<void> {
  await Promise.race([
    runner.stop().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 5000).unref()),
  ]);
}

/** One life of a worker: an identity held by an advisory lock, and its job runner. */
interface Life {
  readonly id: string;
  readonly lock: HeldLock;
  readonly runner: Runner;
  readonly abort: AbortController;
}

/**
 * Starts a fleet worker: a graphile-worker runner of `concurrency` that claims the store's
 * organization and chain jobs. A worker's identity is an advisory lock held on a
 * connection of its own, and the runner's pool id is registered under it; jobs locked by a
 * pool whose identity lock is gone (its process was killed, or its database session died)
 * are handed back to the queue by any live worker within `sweepIntervalMs`, so another
 * worker finishes the chain. When its own session dies, the worker stops its runner and
 * comes back under a new identity.
 */
export async function startFleetWorker(options: FleetWorkerOptions): Promise<FleetWorker> {
  const { pool } = options;
  const concurrency = options.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new OrgPortError('invalid_argument', 'worker concurrency must be a whole number from 1 to 64');
  const emit = (event: FleetWorkerEvent) => {
    try {
      options.onEvent?.(event);
    } catch {
      // A failing listener must not stop the worker.
    }
  };
  await ensureFleetSchema(pool);

  const targets = new Map<string, Promise<Directory>>();
  const target = (wanted: PlanTarget): Promise<Directory> => {
    const key = `${wanted.vendor}\u0000${wanted.connection ?? ''}`;
    let found = targets.get(key);
    if (!found) {
      found = options.openTarget(wanted);
      found.catch(() => targets.delete(key));
      targets.set(key, found);
    }
    return found;
  };

  let stopping = false;
  let life: Life | undefined;
  let restarting: Promise<void> | undefined;

  const begin = async (): Promise<Life> => {
    const id = `orgport-${randomBytes(6).toString('hex')}`;
    const key = advisoryKey(id);
    const lock = await tryHoldLock(pool, LOCK_SPACE.worker, key);
    if (!lock) throw new OrgPortError('failed_precondition', `worker identity ${id} is taken`);
    lock.lost.addEventListener('abort', () => void lose(id, lock.lost.reason as Error), { once: true });
    try {
      return await live(id, key, lock);
    } catch (error) {
      // The database went away while starting: drop the connection (and the lock with it).
      await lock.release();
      throw error;
    }
  };

  /** Starts the job runner of an identity whose lock is held. */
  const live = async (id: string, key: number, lock: HeldLock): Promise<Life> => {
    const abort = new AbortController();
    const taskList = fleetTasks({
      pool,
      target,
      signal: abort.signal,
      onOutcome: (planId, status) => emit({ type: 'outcome', planId, status }),
    });
    // graphile-worker locks jobs under its pool's random id: register it under this
    // identity the moment the pool exists (before its first job, but not awaited by it).
    const events: WorkerEvents = new EventEmitter();
    const registered: Promise<unknown>[] = [];
    events.on('pool:create', ({ workerPool }: { workerPool: { id: string } }) => {
      registered.push(
        pool.query(
          `INSERT INTO ${FLEET_SCHEMA}.worker_pools (pool_id, process_id, lock_key) VALUES ($1, $2, $3)
           ON CONFLICT (pool_id) DO NOTHING`,
          [workerPool.id, id, key],
        ),
      );
    });
    events.on(
      'job:error',
      ({ job, error }: { job: { task_identifier: string; payload: unknown }; error: unknown }) =>
        emit({
          type: 'error',
          message: `${job.task_identifier} ${JSON.stringify(job.payload)}: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
    const runner = await run({
      pgPool: pool,
      concurrency,
      taskList,
      events,
      noHandleSignals: true,
      pollInterval: options.pollIntervalMs ?? 500,
      logger: silentLogger,
      // Batched completion reports a database that went away as a pool error (the runner
      // then stops, and this worker starts over) instead of an unhandled rejection.
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    });
    runner.promise.then(
      () => lose(id, new Error('the job runner stopped')),
      (error: unknown) => lose(id, error instanceof Error ? error : new Error(String(error))),
    );
    try {
      await Promise.all(registered);
    } catch (error) {
      await stopRunner(runner);
      throw error;
    }
    emit({ type: 'started', workerId: id });
    return { id, lock, runner, abort };
  };

  const end = async (ending: Life): Promise<void> => {
    ending.abort.abort(new OrgPortError('cancelled', 'the worker is stopping'));
    await stopRunner(ending.runner);
    // A worker that stops for good forgets its pools; one that starts over after losing its
    // runner or session leaves them, so the sweep hands their jobs back at once.
    if (stopping && !ending.lock.lost.aborted)
      await pool
        .query(`DELETE FROM ${FLEET_SCHEMA}.worker_pools WHERE process_id = $1`, [ending.id])
        .catch(() => undefined);
    await ending.lock.release();
  };

  function lose(id: string, error: Error): Promise<void> | undefined {
    if (!life || life.id !== id || stopping || restarting) return restarting;
    emit({ type: 'sessionLost', workerId: id, message: error.message });
    const lost = life;
    restarting = (async () => {
      await end(lost);
      while (!stopping) {
        try {
          life = await begin();
          return;
        } catch (failure) {
          emit({ type: 'error', message: `reconnecting: ${(failure as Error).message}` });
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    })().finally(() => {
      restarting = undefined;
    });
    return restarting;
  }

  /** Hands back the jobs of workers whose identity lock is gone. */
  const sweep = async (): Promise<void> => {
    const { rows } = await pool.query<{ pool_id: string; process_id: string | null }>(
      `SELECT DISTINCT j.locked_by AS pool_id, w.process_id
       FROM graphile_worker.jobs j
       LEFT JOIN ${FLEET_SCHEMA}.worker_pools w ON w.pool_id = j.locked_by
       WHERE j.locked_by IS NOT NULL AND j.task_identifier = ANY($1::text[])
         AND CASE WHEN w.pool_id IS NULL
               THEN j.locked_at < now() - make_interval(secs => $2::double precision / 1000)
               ELSE NOT EXISTS (
                 SELECT 1 FROM pg_locks l
                 WHERE l.locktype = 'advisory' AND l.classid = $3::int::oid AND l.objid = w.lock_key::oid
                   AND l.objsubid = 2 AND l.granted)
             END`,
      [Object.values(TASK), options.registrationGraceMs ?? 5000, LOCK_SPACE.worker],
    );
    if (rows.length === 0) return;
    const pools = rows.map((row) => row.pool_id);
    await pool.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [pools]);
    await pool.query(`DELETE FROM ${FLEET_SCHEMA}.worker_pools WHERE pool_id = ANY($1::text[])`, [pools]);
    emit({ type: 'reclaimed', workerIds: [...new Set(rows.map((row) => row.process_id ?? row.pool_id))] });
  };

  life = await begin();
  let sweeping = false;
  const sweeper = setInterval(() => {
    if (sweeping || restarting) return;
    sweeping = true;
    sweep()
      .catch((error: unknown) => emit({ type: 'error', message: `sweep: ${(error as Error).message}` }))
      .finally(() => {
        sweeping = false;
      });
  }, options.sweepIntervalMs ?? 2000);
  sweeper.unref();

  return {
    get id() {
      return life?.id ?? '';
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      clearInterval(sweeper);
      await restarting;
      if (life) await end(life);
      life = undefined;
      await Promise.all(
        [...targets.values()].map((opening) =>
          opening.then((directory) => directory.close()).catch(() => undefined),
        ),
      );
    },
  };
}
