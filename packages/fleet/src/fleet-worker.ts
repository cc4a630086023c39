import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Directory, Logger, Tracer } from '@orgport/core';
import { OrgPortError, systemClock } from '@orgport/core';
import type { Clock } from '@orgport/core/driver';
import { type Runner, run, type WorkerEvents } from 'graphile-worker';
import type pg from 'pg';
import { advisoryKey, LOCK_SPACE } from './advisory-key.js';
import { isConnectionLoss } from './connection-loss.js';
import { logFleetEvent } from './fleet-log.js';
import { ensureFleetSchema, FLEET_SCHEMA, isSchemaMismatch, silentLogger } from './fleet-schema.js';
import { TASK } from './fleet-task-names.js';
import { type FleetTasks, fleetTasks, type PlanTarget } from './fleet-tasks.js';
import type { FleetWorkerEvent } from './fleet-worker-event.js';
import { type HeldLock, tryHoldLock } from './held-lock.js';
import { releaseOncePool } from './release-once-pool.js';

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
  /**
   * A job that records no outcome for this long is taken back by the sweep, even from a live
   * worker (a stalled one: its job's session is ended, which stops the job there). Keep it
   * well above the longest call (`--timeout`). Default 900 000 (15 minutes).
   */
  readonly stallMs?: number | undefined;
  /** Time source of the reconnection backoff (injectable for tests). */
  readonly clock?: Clock | undefined;
  /** Told of what the worker does. */
  readonly onEvent?: ((event: FleetWorkerEvent) => void) | undefined;
  /** Logs what the worker does (see {@link logFleetEvent}) and each operation's outcome. */
  readonly logger?: Logger | undefined;
  /** Records a span per operation run (see `@orgport/core/opentelemetry`). */
  readonly tracer?: Tracer | undefined;
}

export type { FleetWorkerEvent } from './fleet-worker-event.js';

/** A running worker. */
export interface FleetWorker {
  /** This process's current identity in the fleet (a new one after a lost database session). */
  readonly id: string;
  /** How many plans this worker holds data of: none once its plans are finished. */
  readonly retainedPlans: number;
  /** Resolves with the reason when the worker stops itself (the store's schema changed version). */
  readonly fatal: Promise<Error>;
  /** Stops taking jobs, lets running chains stop between operations, closes the targets. Never throws. */
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
  readonly tasks: FleetTasks;
  /** Set by the first end(): a life ends once. */
  ended?: Promise<void>;
}

/** The wait before the `attempt`-th reconnection: 0.5 s doubling to 10 s. */
const backoffMs = (attempt: number): number => Math.min(10_000, 500 * 2 ** Math.min(attempt, 5));

/**
 * Starts a fleet worker: a graphile-worker runner of `concurrency` that claims the store's
 * organization and chain jobs. A worker's identity is an advisory lock held on a
 * connection of its own, and the runner's pool id is registered under it; jobs locked by a
 * pool whose identity lock is gone (its process was killed, or its database session died)
 * are handed back to the queue by any live worker within `sweepIntervalMs`, so another
 * worker finishes the chain. When its own session dies, the worker stops its runner and
 * comes back under a new identity, retrying with backoff for as long as the store is away
 * (from the very start too). A job making no progress for `stallMs` is taken back even
 * from a live worker; the jobs of a cancelled plan stop between operations.
 */
export async function startFleetWorker(options: FleetWorkerOptions): Promise<FleetWorker> {
  const { pool } = options;
  const concurrency = options.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new OrgPortError('invalid_argument', 'worker concurrency must be a whole number from 1 to 64');
  const stallMs = options.stallMs ?? 900_000;
  if (!(Number.isFinite(stallMs) && stallMs >= 100))
    throw new OrgPortError('invalid_argument', 'the stall timeout must be at least 100 ms');
  const clock = options.clock ?? systemClock;
  const emit = (event: FleetWorkerEvent) => {
    try {
      if (options.logger) logFleetEvent(options.logger, event);
      options.onEvent?.(event);
    } catch {
      // A failing listener must not stop the worker.
    }
  };
  let tellFatal: (error: Error) => void = () => undefined;
  const fatal = new Promise<Error>((resolve) => {
    tellFatal = resolve;
  });

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
    const tasks = fleetTasks({
      pool,
      target,
      signal: abort.signal,
      workerId: id,
      stallMs,
      onOutcome: (planId, status) => emit({ type: 'outcome', planId, status }),
      onFailure: (failure) => emit({ type: 'failure', ...failure }),
      tracer: options.tracer,
      logger: options.logger,
      onSchemaMismatch(error) {
        if (stopping) return;
        emit({ type: 'fatal', message: error.message });
        tellFatal(error);
        void worker.stop();
      },
    });
    const taskList = tasks.taskList;
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
    const runner = await run({
      pgPool: releaseOncePool(pool),
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
    return { id, lock, runner, abort, tasks };
  };

  /** Ends a life once, whoever asks first (a lost session, then a stop, must not release twice). */
  const end = (ending: Life): Promise<void> => {
    ending.ended ??= (async () => {
      ending.abort.abort(new OrgPortError('cancelled', 'the worker is stopping'));
      await stopRunner(ending.runner);
      // A worker that stops for good forgets its pools; one that starts over after losing its
      // runner or session leaves them, so the sweep hands their jobs back at once.
      if (stopping && !ending.lock.lost.aborted)
        await pool
          .query(`DELETE FROM ${FLEET_SCHEMA}.worker_pools WHERE process_id = $1`, [ending.id])
          .catch(() => undefined);
      await ending.lock.release().catch(() => undefined);
    })();
    return ending.ended;
  };

  /**
   * Brings a life up, waiting out an unreachable store with backoff for as long as it lasts
   * (until the worker is stopped). Anything else (a store of another schema version) throws.
   */
  const comeUp = async (): Promise<Life | undefined> => {
    for (let attempt = 0; !stopping; attempt++) {
      try {
        await ensureFleetSchema(pool);
        return await begin();
      } catch (failure) {
        if (!isConnectionLoss(failure)) throw failure;
        if (attempt === 0) emit({ type: 'sessionLost', workerId: '', message: (failure as Error).message });
        await clock.sleep(backoffMs(attempt)).catch(() => undefined);
      }
    }
    return undefined;
  };

  function lose(id: string, error: Error): Promise<void> | undefined {
    if (!life || life.id !== id || stopping || restarting) return restarting;
    emit({ type: 'sessionLost', workerId: id, message: error.message });
    const lost = life;
    life = undefined;
    restarting = (async () => {
      await end(lost);
      for (let attempt = 0; !stopping; attempt++) {
        try {
          const next = await comeUp();
          if (next && stopping) await end(next);
          else life = next;
          return;
        } catch (failure) {
          if (isSchemaMismatch(failure)) {
            // Back, but the store is another orgport's now: stop rather than retry forever.
            emit({ type: 'fatal', message: (failure as Error).message });
            tellFatal(failure as Error);
            void worker.stop();
            return;
          }
          emit({ type: 'error', message: `reconnecting: ${(failure as Error).message}` });
          await clock.sleep(backoffMs(attempt)).catch(() => undefined);
        }
      }
    })().finally(() => {
      restarting = undefined;
    });
    return restarting;
  }

  /**
   * Takes back jobs that recorded nothing for `stallMs`, even from a live worker: the job is
   * unlocked for any worker, and the session holding its lock is ended, so the stalled
   * worker's job stops there (its next write would fail anyway) and no two run at once.
   */
  const sweepStalled = async (): Promise<void> => {
    const { rows } = await pool.query<{ job_id: string; backend_pid: number; process_id: string }>(
      `DELETE FROM ${FLEET_SCHEMA}.job_heartbeats
       WHERE beat_at < clock_timestamp() - make_interval(secs => $1::double precision / 1000)
       RETURNING job_id, backend_pid, process_id`,
      [stallMs],
    );
    if (rows.length === 0) return;
    // graphile-worker's own table: it offers no way to unlock one job of a live pool.
    await pool.query(
      'UPDATE graphile_worker._private_jobs SET locked_at = NULL, locked_by = NULL WHERE id = ANY($1::bigint[])',
      [rows.map((row) => row.job_id)],
    );
    await pool.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [
      rows.map((row) => row.backend_pid),
    ]);
    emit({
      type: 'reclaimed',
      workerIds: [...new Set(rows.map((row) => row.process_id))],
      reason: 'stalled',
    });
  };

  /** Stops the jobs of plans this worker holds that were cancelled or forgotten meanwhile. */
  const sweepCancelled = async (): Promise<void> => {
    const tasks = life?.tasks;
    const held = tasks?.heldPlans() ?? [];
    if (!tasks || held.length === 0) return;
    const { rows } = await pool.query<{ plan_id: string }>(
      `SELECT id AS plan_id FROM unnest($1::text[]) AS id
       WHERE NOT EXISTS (SELECT 1 FROM ${FLEET_SCHEMA}.plans p WHERE p.plan_id = id AND p.cancelled_at IS NULL)`,
      [held],
    );
    for (const row of rows) tasks.cancel(row.plan_id);
  };

  /** Hands back the jobs of workers whose identity lock is gone. */
  const sweepDead = async (): Promise<void> => {
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
    emit({
      type: 'reclaimed',
      workerIds: [...new Set(rows.map((row) => row.process_id ?? row.pool_id))],
      reason: 'stopped',
    });
  };

  const sweep = async (): Promise<void> => {
    await sweepDead();
    await sweepStalled();
    await sweepCancelled();
  };

  let sweeping = false;
  const sweeper = setInterval(() => {
    if (sweeping || restarting || !life) return;
    sweeping = true;
    sweep()
      .catch((error: unknown) => {
        if (!isConnectionLoss(error)) emit({ type: 'error', message: `sweep: ${(error as Error).message}` });
      })
      .finally(() => {
        sweeping = false;
      });
  }, options.sweepIntervalMs ?? 2000);
  sweeper.unref();

  let stopped: Promise<void> | undefined;
  const worker: FleetWorker = {
    get id() {
      return life?.id ?? '';
    },
    get retainedPlans() {
      return life?.tasks.retainedPlans() ?? 0;
    },
    fatal,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        clearInterval(sweeper);
        await restarting;
        const last = life;
        life = undefined;
        if (last) await end(last);
        await Promise.all(
          [...targets.values()].map((opening) =>
            opening.then((directory) => directory.close()).catch(() => undefined),
          ),
        );
      })();
      return stopped;
    },
  };
  try {
    life = await comeUp();
  } catch (error) {
    await worker.stop();
    throw error;
  }
  return worker;
}
