import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { OrgPortError } from '@orgport/core';
import type { RequestPacer } from '@orgport/core/driver';
import {
  cancelPlan,
  ensureFleetSchema,
  type FleetWorker,
  type FleetWorkerEvent,
  type FleetWorkerOptions,
  forgetPlan,
  guardPool,
  type PlanProgress,
  planProgress,
  startFleetWorker,
  submitPlan,
  waitForPlan,
} from '@orgport/fleet';
import { postgresSkipReason, startThrowawayPostgres, type ThrowawayPostgres } from '@orgport/fleet/testing';
import type { MigrationPlan } from '@orgport/migrate';
import type { CloudOrgSimulator } from '@orgport/simulator-cloud-org';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cliFolder } from './cli-folder.js';
import { type FleetScenario, fleetScenario, openCloudOrg, successfulWrites } from './fleet-world.js';

// What the fleet must not hide: a run that can never succeed fails once and says why, a store
// of another schema version is refused, a stalled worker's jobs are taken back, a worker
// outlives any outage of the store, and a plan can be cancelled or forgotten. Each test has
// its own database in one throwaway cluster (some stop or restart that cluster).

let db: ThrowawayPostgres;
let tiny: FleetScenario;
let second: FleetScenario;
let third: FleetScenario;
const pools: pg.Pool[] = [];
let cleanup: (() => Promise<unknown>)[] = [];

const poolOn = (url: string, max = 20): pg.Pool => {
  const pool = guardPool(new pg.Pool({ connectionString: url, max }));
  pools.push(pool);
  return pool;
};

const worker = async (
  url: string,
  openTarget: FleetWorkerOptions['openTarget'],
  options: Partial<FleetWorkerOptions> = {},
): Promise<FleetWorker> => {
  const started = await startFleetWorker({
    pool: poolOn(url),
    openTarget,
    concurrency: 2,
    pollIntervalMs: 100,
    sweepIntervalMs: 200,
    ...options,
  });
  cleanup.push(() => started.stop());
  return started;
};

const target = async (scenario: FleetScenario, latencyMs = 0): Promise<CloudOrgSimulator> => {
  const sim = await scenario.target({ latencyMs });
  cleanup.push(() => sim.close());
  return sim;
};

/** Waits until nothing of the plan is queued (or gives up after a minute: a run that never ends fails the test). */
const settle = (pool: pg.Pool, planId: string): Promise<PlanProgress> =>
  waitForPlan(pool, planId, { intervalMs: 100, signal: AbortSignal.timeout(60_000) });

const until = async (check: () => Promise<boolean> | boolean, what: string, limitMs = 60_000) => {
  const started = Date.now();
  while (!(await Promise.resolve(check()).catch(() => false))) {
    if (Date.now() - started > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
};

const jobsOf = async (pool: pg.Pool, planId: string) =>
  (
    await pool.query<{ attempts: number; last_error: string | null }>(
      "SELECT attempts, last_error FROM graphile_worker._private_jobs WHERE payload->>'planId' = $1",
      [planId],
    )
  ).rows;

const BIN = resolve(import.meta.dirname, '../../packages/cli/dist/bin.js');

/** Runs the CLI to the end: exit code, stdout, stderr. */
function cli(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('close', (code) => done({ code, out, err }));
  });
}

const skip = postgresSkipReason();
if (skip) console.warn(`fleet trust tests skipped: ${skip}`);

beforeAll(async () => {
  if (skip) return;
  db = await startThrowawayPostgres();
  tiny = await fleetScenario(29, 2, 30);
  second = await fleetScenario(31, 2, 20);
  third = await fleetScenario(37, 2, 20);
}, 120_000);

afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
}, 60_000);

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end().catch(() => undefined)));
  await db?.stop();
}, 60_000);

describe.skipIf(skip)('jobs that can never succeed fail once, visibly', { timeout: 90_000 }, () => {
  it('a stored plan that is no plan fails the plan once: state failed, the reason shown, no retry queued', async () => {
    const url = await db.createDatabase();
    const pool = poolOn(url);
    const sim = await target(tiny);
    await submitPlan(pool, tiny.plan);
    await pool.query(`UPDATE orgport_fleet.plans SET plan = '{"planId": "x", "operations": 7}'::jsonb`);
    const failures: FleetWorkerEvent[] = [];
    await worker(url, async () => openCloudOrg(sim), {
      onEvent: (event) => event.type === 'failure' && failures.push(event),
    });
    const progress = await settle(pool, tiny.plan.planId);
    expect(progress.state).toBe('failed');
    expect(progress.failure).toMatch(/stored plan/);
    expect(progress.failed).toBe(0);
    // status refuses the stored copy at once; the worker's job fails once, and is gone.
    await until(async () => (await jobsOf(pool, tiny.plan.planId)).length === 0, 'the job to end');
    await until(() => failures.length > 0, 'the failure to be told');
    await new Promise((done) => setTimeout(done, 300));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ type: 'failure', permanent: true, planId: tiny.plan.planId });
    expect(successfulWrites(sim)).toBe(0);
  });

  it('a connection the worker cannot open fails the plan once', async () => {
    const url = await db.createDatabase();
    const pool = poolOn(url);
    let opened = 0;
    await worker(url, async () => {
      opened++;
      throw new OrgPortError('not_found', 'no connection named target in orgport.config.json');
    });
    await submitPlan(pool, tiny.plan, { connection: 'target' });
    const progress = await settle(pool, tiny.plan.planId);
    expect(progress.state).toBe('failed');
    expect(progress.failure).toContain('no connection named target');
    // The job ends (completed, not left to retry) just after it marked the plan failed.
    await until(async () => (await jobsOf(pool, tiny.plan.planId)).length === 0, 'the job to end');
    expect(opened).toBe(1);
  });

  it('a store whose tables changed under the run stops each job at its first write, never retrying it', async () => {
    const url = await db.createDatabase();
    const pool = poolOn(url);
    const sim = await target(tiny);
    await submitPlan(pool, tiny.plan);
    // A constraint someone added: every 'applied' outcome is now refused by the store.
    await pool.query("ALTER TABLE orgport_fleet.outcomes ADD CONSTRAINT changed CHECK (status <> 'applied')");
    await worker(url, async () => openCloudOrg(sim));
    const progress = await settle(pool, tiny.plan.planId);
    expect(['failed', 'stopped']).toContain(progress.state);
    await until(async () => (await jobsOf(pool, tiny.plan.planId)).length === 0, 'the jobs to end');
    const jobs = Number(
      (await pool.query('SELECT count(DISTINCT job) AS n FROM orgport_fleet.job_failures')).rows[0].n,
    );
    expect(jobs).toBeGreaterThan(0);
    // At most the write in flight when each job found it could not record it.
    expect(successfulWrites(sim)).toBeLessThanOrEqual(jobs);
    expect(progress.failures).toContainEqual(
      expect.objectContaining({ source: 'job', code: 'store 23514', permanent: true }),
    );
  });
});

describe.skipIf(skip)('the store schema version', () => {
  it('is checked by every worker, submitter and status: another version is one clear error', async () => {
    const url = await db.createDatabase();
    const pool = poolOn(url);
    await ensureFleetSchema(pool);
    await pool.query('UPDATE orgport_fleet.schema_version SET version = 99');
    const refused = /store's schema is version 99/;
    await expect(
      startFleetWorker({ pool, openTarget: async () => openCloudOrg(await target(tiny)) }),
    ).rejects.toThrow(refused);
    await expect(submitPlan(pool, tiny.plan)).rejects.toThrow(refused);
    await expect(planProgress(pool)).rejects.toThrow(refused);
  });

  it('a running worker that meets another version at a job stops itself and leaves the job', async () => {
    const url = await db.createDatabase();
    const pool = poolOn(url);
    const events: FleetWorkerEvent[] = [];
    const running = await worker(url, async () => openCloudOrg(await target(tiny)), {
      onEvent: (event) => events.push(event),
    });
    await pool.query('UPDATE orgport_fleet.schema_version SET version = 3');
    await pool.query(`SELECT graphile_worker.add_job('orgport_organizations', '{"planId": "p"}'::json)`);
    const reason = await running.fatal;
    expect(reason.message).toMatch(/store's schema is version 3, newer than this orgport's/);
    expect(events).toContainEqual(expect.objectContaining({ type: 'fatal' }));
    const { rows } = await pool.query('SELECT attempts FROM graphile_worker._private_jobs');
    expect(rows).toHaveLength(1);
  });

  it('status runs no DDL: it works for a read-only role and does not wait behind a schema change', async () => {
    const url = await db.createDatabase();
    const pool = poolOn(url);
    await submitPlan(pool, tiny.plan);
    const database = new URL(url).pathname.slice(1);
    await pool.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reader') THEN CREATE ROLE reader LOGIN; END IF;
      END $$`);
    await pool.query(`REVOKE CREATE ON DATABASE ${database} FROM PUBLIC`);
    await pool.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await pool.query('GRANT USAGE ON SCHEMA orgport_fleet, graphile_worker TO reader');
    await pool.query('GRANT SELECT ON ALL TABLES IN SCHEMA orgport_fleet TO reader');
    const reader = guardPool(
      new pg.Pool({
        connectionString: url.replace('postgres@', 'reader@'),
        max: 2,
        options: '-c statement_timeout=5000',
      }),
    );
    pools.push(reader);
    // A writer holds the schema lock, as a worker creating or upgrading the schema does.
    const writer = await pool.connect();
    try {
      await writer.query('BEGIN');
      await writer.query('SELECT pg_advisory_xact_lock($1, 0)', [0x4f50_0004]);
      await writer.query('LOCK TABLE orgport_fleet.outcomes IN ROW EXCLUSIVE MODE');
      const [progress] = await planProgress(reader, { planId: tiny.plan.planId });
      expect(progress).toMatchObject({ planId: tiny.plan.planId, state: 'organizations' });
    } finally {
      await writer.query('ROLLBACK');
      writer.release();
    }
  });
});

describe.skipIf(skip)('a stalled worker', () => {
  it('has its jobs taken back by the sweep, and another worker finishes the plan', async () => {
    const url = await db.createDatabase();
    const pool = poolOn(url);
    const sim = await target(tiny);
    // The first request this worker paces never gets its turn (as a worker whose clock is
    // behind the vendor's once slept out the skew): it holds a job and makes no progress.
    let stalled = 0;
    const stall: RequestPacer = {
      acquire: (signal) =>
        stalled++ > 0
          ? Promise.resolve()
          : new Promise((_, reject) =>
              signal?.addEventListener('abort', () => reject(signal.reason), { once: true }),
            ),
    };
    // Any worker's sweep may take the job back (the stalled one's own sweep too: only its
    // job is stuck).
    const events: FleetWorkerEvent[] = [];
    const onEvent = (event: FleetWorkerEvent) => events.push(event);
    await worker(url, async () => openCloudOrg(sim, { pacer: stall }), {
      concurrency: 1,
      stallMs: 1000,
      onEvent,
    });
    await submitPlan(pool, tiny.plan);
    await until(() => stalled > 0, 'the first worker to take a job');
    await worker(url, async () => openCloudOrg(sim), { stallMs: 1000, onEvent });
    const progress = await settle(pool, tiny.plan.planId);
    expect(progress).toMatchObject({ state: 'finished', failed: 0, pending: 0 });
    expect(events).toContainEqual(expect.objectContaining({ type: 'reclaimed', reason: 'stalled' }));
    expect(sim.store.dump()).toBe(tiny.expected);
  });
});

describe.skipIf(skip)('a worker and its store', { timeout: 90_000 }, () => {
  // These tests take the database away on purpose. graphile-worker then calls console.trace
  // for every worker whose connection dropped (unconditionally, in its pool code), although
  // ours reconnects: keep that one message out of the test output, and let any other through.
  let restoreTrace: (() => void) | undefined;
  beforeAll(() => {
    const trace = console.trace;
    console.trace = (...args: unknown[]) => {
      if (args[0] instanceof Error && args[0].message === 'Connection terminated unexpectedly') return;
      trace(...args);
    };
    restoreTrace = () => {
      console.trace = trace;
    };
  });
  afterAll(() => restoreTrace?.());
  it('stops cleanly while the store is down', async () => {
    const url = await db.createDatabase();
    const sim = await target(tiny);
    const events: string[] = [];
    const started = await startFleetWorker({
      pool: poolOn(url),
      openTarget: async () => openCloudOrg(sim),
      pollIntervalMs: 100,
      sweepIntervalMs: 200,
      onEvent: (event) => events.push(event.type),
    });
    await db.down();
    try {
      await until(() => events.includes('sessionLost'), 'the worker to notice the store is gone', 30_000);
      await expect(started.stop()).resolves.toBeUndefined();
    } finally {
      await db.up();
    }
  });

  it('starts while the store is down, and works once it is back', async () => {
    const url = await db.createDatabase();
    const pool = poolOn(url);
    const sim = await target(tiny);
    await ensureFleetSchema(pool);
    await db.down();
    let down = true;
    try {
      const events: string[] = [];
      const starting = startFleetWorker({
        pool: poolOn(url),
        openTarget: async () => openCloudOrg(sim),
        pollIntervalMs: 100,
        sweepIntervalMs: 200,
        onEvent: (event) => events.push(event.type),
      });
      starting.catch(() => undefined);
      await until(() => events.includes('sessionLost'), 'the worker to report the store unreachable', 20_000);
      await db.up();
      down = false;
      const started = await starting;
      cleanup.push(() => started.stop());
      await submitPlan(pool, tiny.plan);
      expect(await settle(pool, tiny.plan.planId)).toMatchObject({ state: 'finished', failed: 0 });
      expect(sim.store.dump()).toBe(tiny.expected);
    } finally {
      if (down) await db.up();
    }
  });

  it('survives the database restarting at any moment of its start', async () => {
    for (const delayMs of [0, 15, 40, 80, 150]) {
      const url = await db.createDatabase();
      const pool = poolOn(url);
      const sim = await target(second);
      const starting = startFleetWorker({
        pool: poolOn(url),
        openTarget: async () => openCloudOrg(sim),
        pollIntervalMs: 100,
        sweepIntervalMs: 200,
      });
      starting.catch(() => undefined);
      await new Promise((done) => setTimeout(done, delayMs));
      await db.restart('immediate');
      const started = await starting;
      cleanup.push(() => started.stop());
      await until(async () => (await pool.query('SELECT 1')).rowCount === 1, 'the store to be back');
      await submitPlan(pool, second.plan);
      expect(await settle(pool, second.plan.planId)).toMatchObject({ state: 'finished', failed: 0 });
      expect(sim.store.dump()).toBe(second.expected);
    }
  }, 180_000);

  it('keeps no finished plan in memory', async () => {
    const url = await db.createDatabase();
    const pool = poolOn(url);
    const sims = new Map<string, CloudOrgSimulator>();
    const started = await worker(url, async ({ connection }) =>
      openCloudOrg(sims.get(connection ?? '') as CloudOrgSimulator),
    );
    for (const [name, scenario] of [
      ['a', tiny],
      ['b', second],
      ['c', third],
    ] as const) {
      sims.set(name, await target(scenario));
      await submitPlan(pool, scenario.plan, { connection: name });
      expect(await settle(pool, scenario.plan.planId)).toMatchObject({ state: 'finished' });
      await until(() => started.retainedPlans === 0, `the worker to drop plan ${name}`, 10_000);
    }
  });
});

describe.skipIf(skip)('failures are told', () => {
  it('each failed operation is reported once, and status groups failures by reason with examples', async () => {
    const url = await db.createDatabase();
    const pool = poolOn(url);
    const sim = await tiny.target();
    const refused = sim.url;
    await sim.close();
    const failures: Extract<FleetWorkerEvent, { type: 'failure' }>[] = [];
    await worker(
      url,
      async () => openCloudOrg({ ...sim, url: refused } as CloudOrgSimulator, { retry: { maxRetries: 0 } }),
      { onEvent: (event) => event.type === 'failure' && failures.push(event) },
    );
    await submitPlan(pool, tiny.plan);
    const progress = await settle(pool, tiny.plan.planId);
    expect(progress.state).toBe('stopped');
    expect(progress.failed).toBeGreaterThan(0);
    const operations = failures.filter((failure) => failure.operationId !== undefined);
    expect(operations).toHaveLength(progress.failed);
    expect(new Set(operations.map((failure) => failure.operationId)).size).toBe(progress.failed);
    expect(progress.failures).toEqual([
      expect.objectContaining({ code: 'unavailable', count: progress.failed }),
    ]);
    const [group] = progress.failures;
    expect(group?.examples.length).toBeGreaterThan(0);
    expect(group?.examples.length).toBeLessThanOrEqual(3);
    expect(group?.examples[0]).toContain('ECONNREFUSED');
  });
});

describe.skipIf(skip)('cancelling, forgetting and resuming a plan', () => {
  it('a cancelled plan is not worked on; a forgotten one can be submitted afresh', async () => {
    const url = await db.createDatabase();
    const pool = poolOn(url);
    const sim = await target(tiny);
    await submitPlan(pool, tiny.plan);
    await cancelPlan(pool, tiny.plan.planId);
    await worker(url, async () => openCloudOrg(sim));
    expect(await settle(pool, tiny.plan.planId)).toMatchObject({ state: 'cancelled' });
    expect(await jobsOf(pool, tiny.plan.planId)).toEqual([]);
    expect(successfulWrites(sim)).toBe(0);
    await expect(submitPlan(pool, tiny.plan)).rejects.toThrow(/already in the store/);
    await forgetPlan(pool, tiny.plan.planId);
    expect(await planProgress(pool, { planId: tiny.plan.planId })).toEqual([]);
    await submitPlan(pool, tiny.plan);
    expect(await settle(pool, tiny.plan.planId)).toMatchObject({ state: 'finished', failed: 0 });
    expect(sim.store.dump()).toBe(tiny.expected);
  });

  it('cancelling a running plan stops its chains between jobs', async () => {
    const url = await db.createDatabase();
    const pool = poolOn(url);
    const sim = await target(tiny, 20);
    await worker(url, async () => openCloudOrg(sim), { concurrency: 1 });
    await submitPlan(pool, tiny.plan);
    await until(async () => successfulWrites(sim) > 0, 'the run to be under way');
    await cancelPlan(pool, tiny.plan.planId);
    const progress = await settle(pool, tiny.plan.planId);
    expect(progress.state).toBe('cancelled');
    expect(progress.applied + progress.skipped).toBeLessThan(tiny.plan.operations.length);
    // The job running at the cancel stops at the worker's next sweep, and is gone then.
    await until(async () => (await jobsOf(pool, tiny.plan.planId)).length === 0, 'the running job to stop');
    const writes = successfulWrites(sim);
    await new Promise((done) => setTimeout(done, 500));
    expect(successfulWrites(sim)).toBe(writes);
  });

  it('a resume of a plan id whose stored contents differ from the plan given is refused', async () => {
    const url = await db.createDatabase();
    const pool = poolOn(url);
    await submitPlan(pool, tiny.plan);
    const other: MigrationPlan = { ...second.plan, planId: tiny.plan.planId };
    await expect(submitPlan(pool, other, { resume: true })).rejects.toThrow(/differs from the plan/);
    await expect(submitPlan(pool, tiny.plan, { resume: true })).resolves.toBeUndefined();
  });
});

describe.skipIf(skip)('the orgport command on a store', { timeout: 90_000 }, () => {
  it('never prints a store password, logs each failure as one JSON line, shows failures by reason, and cancels', async () => {
    if (!existsSync(BIN)) throw new Error('build first: npx tsc -b');
    const url = await db.createDatabase();
    const sim = await tiny.target();
    const dir = cliFolder(sim, tiny.plan, 'orgport-fleet-trust-');
    await sim.close();
    // Trust authentication ignores passwords: they are there to prove they are never printed.
    const inQuery = `${url}?password=s3cret-query`;
    const env = { CLOUD_PASSWORD: sim.password };
    const run = await cli(
      [
        'migrate',
        '--to',
        'target',
        '--plan',
        'plan.json',
        '--store',
        inQuery,
        '--workers',
        '2',
        '--timeout',
        '1',
        '-q',
      ],
      dir,
      env,
    );
    expect(run.code).toBe(3);
    const lines = run.err
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const failed = lines.filter((line) => line.event === 'operation_failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(new Set(failed.map((line) => line.operationId)).size).toBe(failed.length);
    expect(failed[0]).toMatchObject({ level: 'error', planId: tiny.plan.planId, job: expect.any(String) });
    // Refused connections, or retries of them that ran out of --timeout.
    expect(failed.every((line) => line.code === 'unavailable' || line.code === 'timeout')).toBe(true);
    const json = await cli(['status', '--store', inQuery, '--plan', tiny.plan.planId, '-o', 'json'], dir);
    const progress = JSON.parse(json.out) as PlanProgress;
    expect(progress).toMatchObject({ state: 'stopped', failed: failed.length });
    const text = await cli(['status', '--store', inQuery], dir);
    const counted = [...text.out.matchAll(/failed operations, (unavailable|timeout): (\d+)/g)];
    expect(counted.reduce((sum, match) => sum + Number(match[2]), 0)).toBe(failed.length);
    expect(text.out).toContain('ECONNREFUSED');
    const unreachable = await cli(
      [
        'status',
        '--store',
        'postgres://postgres:s3cret-user@127.0.0.1:1/x?sslmode=disable&password=s3cret-query',
      ],
      dir,
    );
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toContain('cannot reach the store');
    for (const output of [run, json, text, unreachable])
      expect(output.out + output.err).not.toMatch(/s3cret/);

    const cancelled = await cli(['status', '--store', inQuery, '--cancel', tiny.plan.planId], dir);
    expect(cancelled.code).toBe(0);
    expect(cancelled.out).toContain(`Cancelled plan ${tiny.plan.planId}`);
    const after = await cli(['status', '--store', url, '--plan', tiny.plan.planId, '-o', 'json'], dir);
    expect(JSON.parse(after.out)).toMatchObject({ state: 'cancelled' });
    const forgotten = await cli(['status', '--store', url, '--forget', tiny.plan.planId], dir);
    expect(forgotten.code).toBe(0);
    const gone = await cli(['status', '--store', url, '--plan', tiny.plan.planId], dir);
    expect(gone.code).toBe(1);
    expect(gone.err).toContain('is not in the store');
  });
});

describe.skipIf(skip)('tampering with the store', { timeout: 90_000 }, () => {
  // verifyPlan (@orgport/migrate) recomputes each operation's id from its fields.
  it('a stored plan whose operation fields were edited is refused by workers and status', async () => {
    const url = await db.createDatabase();
    const pool = poolOn(url);
    const sim = await target(tiny);
    await submitPlan(pool, tiny.plan);
    const index = tiny.plan.operations.findIndex((operation) => 'userId' in operation);
    expect(index).toBeGreaterThanOrEqual(0);
    await pool.query(
      `UPDATE orgport_fleet.plans SET plan = jsonb_set(plan, ARRAY['operations', $1::text, 'userId'], '"attacker"')`,
      [String(index)],
    );
    const [shown] = await planProgress(pool, { planId: tiny.plan.planId });
    expect(shown).toMatchObject({ state: 'failed', failure: expect.stringMatching(/refused/) });
    const failures: FleetWorkerEvent[] = [];
    await worker(url, async () => openCloudOrg(sim), {
      onEvent: (event) => event.type === 'failure' && failures.push(event),
    });
    await until(async () => (await jobsOf(pool, tiny.plan.planId)).length === 0, 'the job to end');
    expect(failures).toContainEqual(expect.objectContaining({ permanent: true, code: 'invalid_argument' }));
    expect(successfulWrites(sim)).toBe(0);
  });
});
