import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { createDirectory, type Directory } from '@orgport/core';
import {
  type FleetWorker,
  guardPool,
  type PlanProgress,
  sharedRateBudget,
  startFleetWorker,
  submitPlan,
  waitForPlan,
} from '@orgport/fleet';
import { startThrowawayPostgres } from '@orgport/fleet/testing';
import { type MigrationPlan, planMigration, type RoleMappingInput } from '@orgport/migrate';
import { startAuth0Simulator } from '@orgport/simulator-auth0';
import { type CloudOrgSimulator, startCloudOrgSimulator } from '@orgport/simulator-cloud-org';
import { fixtures } from '@orgport/testkit/fixtures';
import pg from 'pg';
import type { Figure } from './figure.js';

type Progress = (line: string) => void;
type SeedTarget = (sim: CloudOrgSimulator, data: ReturnType<typeof fixtures>) => void;

/** Each tenant's limit: requests per second per credential, and its burst. */
const LIMIT = { refillPerSecond: 50, capacity: 50 };

/** One tenant: its data, its plan, and how to start its target as it was before the migration. */
interface Tenant {
  readonly name: string;
  readonly plan: MigrationPlan;
  target(): Promise<CloudOrgSimulator>;
}

async function tenant(index: number, mapping: RoleMappingInput, seedTarget: SeedTarget): Promise<Tenant> {
  const seed = 60 + index;
  const data = fixtures({ seed, organizations: 2, membersPerOrg: 160 });
  const target = async () => {
    const sim = await startCloudOrgSimulator({
      seed,
      rateLimit: LIMIT,
      quirks: { rateLimitScope: 'credential' },
    });
    seedTarget(sim, data);
    return sim;
  };
  const source = await startAuth0Simulator({ seed, fixtures: data });
  const before = await target();
  try {
    const plan = await planMigration({
      source: createDirectory(
        createAuth0Adapter({
          baseUrl: source.url,
          clientId: source.clientId,
          clientSecret: source.clientSecret,
        }),
      ),
      target: createDirectory(
        createCloudOrgAdapter({ baseUrl: before.url, username: before.username, password: before.password }),
      ),
      mapping,
    });
    return { name: `tenant-${index}`, plan, target };
  } finally {
    await Promise.all([source.close(), before.close()]);
  }
}

interface FleetRun {
  readonly seconds: number;
  readonly requests: number;
  readonly throttled: number;
  readonly operations: number;
  readonly results: readonly PlanProgress[];
}

/** Runs the tenants' plans with `workers` in-process workers on a fresh database. */
async function runFleet(
  url: string,
  tenants: readonly Tenant[],
  workers: number,
  shared: boolean,
): Promise<FleetRun> {
  const sims = new Map<string, CloudOrgSimulator>();
  for (const one of tenants) sims.set(one.name, await one.target());
  const pools: pg.Pool[] = [];
  const started: FleetWorker[] = [];
  try {
    for (let index = 0; index < workers; index++) {
      const pool = guardPool(new pg.Pool({ connectionString: url, max: 16 }));
      pools.push(pool);
      started.push(
        await startFleetWorker({
          pool,
          concurrency: 4,
          pollIntervalMs: 100,
          openTarget: async ({ connection }): Promise<Directory> => {
            const sim = sims.get(connection ?? '') as CloudOrgSimulator;
            const pacer = shared
              ? sharedRateBudget(pool, { key: connection ?? '', rate: LIMIT.refillPerSecond, burst: 10 })
              : undefined;
            return createDirectory(
              createCloudOrgAdapter({
                baseUrl: sim.url,
                username: sim.username,
                password: sim.password,
                ...(pacer ? { http: { pacer } } : {}),
              }),
            );
          },
        }),
      );
    }
    const submitter = guardPool(new pg.Pool({ connectionString: url, max: 4 }));
    pools.push(submitter);
    const begin = performance.now();
    for (const one of tenants) await submitPlan(submitter, one.plan, { connection: one.name });
    const results: PlanProgress[] = [];
    for (const one of tenants)
      results.push(await waitForPlan(submitter, one.plan.planId, { intervalMs: 50 }));
    const seconds = (performance.now() - begin) / 1000;
    let requests = 0;
    let throttled = 0;
    for (const sim of sims.values()) {
      throttled += sim.stats.byStatus.get(429) ?? 0;
      requests += sim.stats.requests;
    }
    const operations = tenants.reduce((sum, one) => sum + one.plan.operations.length, 0);
    return { seconds, requests, throttled, operations, results };
  } finally {
    await Promise.all(started.map((worker) => worker.stop()));
    await Promise.all(pools.map((pool) => pool.end()));
    await Promise.all([...sims.values()].map((sim) => sim.close()));
  }
}

/**
 * 6. The fleet on PostgreSQL: 1, 2 and 4 workers over 4 tenants that each have their own
 * rate limit (throughput should scale with tenants), and over one tenant (throughput should
 * stay at its ceiling with next to no 429s, however many workers); the peer is the same
 * fleet without the shared budget, pacing from the vendor's headers alone.
 */
export async function fleet(
  log: Progress,
  mapping: RoleMappingInput,
  seedTarget: SeedTarget,
): Promise<Figure[]> {
  const tenants: Tenant[] = [];
  for (let index = 0; index < 4; index++) tenants.push(await tenant(index, mapping, seedTarget));
  const db = await startThrowawayPostgres();
  const figures: Figure[] = [];
  const s = `fleet on PostgreSQL (${LIMIT.refillPerSecond} requests/s per tenant credential)`;
  try {
    const throughput = new Map<string, number>();
    const cases: [readonly Tenant[], number, boolean][] = [
      [tenants, 1, true],
      [tenants, 2, true],
      [tenants, 4, true],
      [tenants.slice(0, 1), 1, true],
      [tenants.slice(0, 1), 2, true],
      [tenants.slice(0, 1), 4, true],
      [tenants.slice(0, 1), 4, false],
    ];
    for (const [group, workers, shared] of cases) {
      const run = await runFleet(await db.createDatabase(), group, workers, shared);
      const ceiling = group.length * LIMIT.refillPerSecond;
      const served = run.requests - run.throttled;
      const rate = served / run.seconds;
      const share = run.throttled / Math.max(1, run.requests);
      const failed = run.results.reduce((sum, result) => sum + result.failed + result.pending, 0);
      const contender = `${workers} worker${workers > 1 ? 's' : ''}${shared ? '' : ', no shared budget'}`;
      throughput.set(`${group.length}/${workers}/${shared}`, rate);
      log(
        `  ${group.length} tenant(s), ${contender}: ${run.operations} operations in ${run.seconds.toFixed(1)} s, ${rate.toFixed(1)} requests/s (ceiling ${ceiling}), ${run.throttled} × 429, ${failed} not done`,
      );
      figures.push({
        scenario: s,
        figure: `${group.length} tenant${group.length > 1 ? 's' : ''}: requests/s served (ceiling ${ceiling}), 429s`,
        contender,
        value: `${rate.toFixed(1)} (${(rate / ceiling).toFixed(2)} of ceiling), ${run.throttled} × 429 (${(share * 100).toFixed(1)}%)${failed > 0 ? `, ${failed} operations not done` : ''}`,
        numeric: rate / ceiling,
        ...(shared
          ? {
              goal: group.length === 1 ? '≥ 0.90 of ceiling, 429s ≤ 1%' : '429s ≤ 1%',
              met: share <= 0.01 && failed === 0 && (group.length > 1 || rate / ceiling >= 0.9),
            }
          : {}),
      });
    }
    for (const workers of [1, 2, 4]) {
      const scale = (throughput.get(`4/${workers}/true`) ?? 0) / (throughput.get(`1/${workers}/true`) ?? 1);
      figures.push({
        scenario: s,
        figure: 'throughput with 4 tenants / with 1 tenant',
        contender: `${workers} worker${workers > 1 ? 's' : ''}`,
        value: scale.toFixed(2),
        numeric: scale,
        goal: '≥ 3.5 (scales with tenants)',
        met: scale >= 3.5,
      });
    }
    return figures;
  } finally {
    await db.stop();
  }
}
