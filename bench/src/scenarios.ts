import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { createDirectory } from '@orgport/core';
import { applyMigration, planMigration, type RoleMappingInput } from '@orgport/migrate';
import { startAuth0Simulator } from '@orgport/simulator-auth0';
import { startCloudOrgSimulator } from '@orgport/simulator-cloud-org';
import { fixtures } from '@orgport/testkit/fixtures';
import type { ContenderReport } from './contender-protocol.js';
import { efficiencyFigures } from './efficiency-figures.js';
import { median, onOwnCore, pairedRatio, runInChild, spread } from './measure.js';

/** One reported figure. */
export interface Figure {
  readonly scenario: string;
  readonly figure: string;
  readonly contender: string;
  readonly value: string;
  readonly numeric?: number;
  readonly goal?: string;
  readonly met?: boolean;
}

type Progress = (line: string) => void;

/** One contender run with the simulator's view of it. */
type Run = ContenderReport & { readonly requests: number; readonly bytes: number };

/** Runs each contender `reps` times after a warm-up, interleaved so drift hits all alike. */
async function rounds(contenders: readonly string[], reps: number, run: (contender: string) => Promise<Run>) {
  const results = new Map<string, Run[]>(contenders.map((c) => [c, []]));
  for (const contender of contenders) await run(contender);
  for (let rep = 0; rep < reps; rep++)
    for (const contender of contenders) results.get(contender)?.push(await run(contender));
  return results;
}

/** Wall and CPU time per warm walk, and the cold first walk, of one contender's runs. */
function walkFigures(scenario: string, contender: string, runs: readonly ContenderReport[]): Figure[] {
  const both = (wall: number[], cpu: number[]) => `${spread(wall, 0, ' ms')} / ${spread(cpu, 0, ' ms')}`;
  return [
    {
      scenario,
      figure: 'wall time per walk (warm)',
      contender,
      value: spread(
        runs.map((r) => r.wallMs),
        0,
        ' ms',
      ),
      numeric: median(runs.map((r) => r.wallMs)),
    },
    {
      scenario,
      figure: 'CPU time per walk (warm)',
      contender,
      value: spread(
        runs.map((r) => r.cpuMs),
        1,
        ' ms',
      ),
    },
    {
      scenario,
      figure: 'first walk in a fresh process: wall / CPU (cold)',
      contender,
      value: both(
        runs.map((r) => r.firstWallMs),
        runs.map((r) => r.firstCpuMs),
      ),
    },
  ];
}

/** 1. Member enumeration: 10,000 Auth0 members, orgport vs raw undici vs the official SDK. */
export function memberEnumeration(log: Progress, reps = 11): Promise<Figure[]> {
  return onOwnCore(() => measureMemberEnumeration(log, reps));
}

/** Steady state: each contender process walks five times untimed, then twenty measured times. */
const STEADY = { warmups: 5, walks: 20 } as const;

async function measureMemberEnumeration(log: Progress, reps: number): Promise<Figure[]> {
  const members = 10_000;
  const sim = await startAuth0Simulator({
    seed: 1,
    fixtures: { seed: 1, organizations: 1, membersPerOrg: members },
  });
  const organizationId = [...sim.store.organizations.keys()][0] as string;
  const contenders = ['raw-undici-auth0', 'orgport-auth0', 'auth0-sdk'];
  const route = 'GET /api/v2/organizations/:id/members';
  try {
    const results = await rounds(contenders, reps, async (contender) => {
      const requests = sim.stats.byRoute.get(route) ?? 0;
      const bytes = sim.stats.bytesSent;
      const report = await runInChild({
        contender,
        url: sim.url,
        clientId: sim.clientId,
        clientSecret: sim.clientSecret,
        organizationId,
        ...STEADY,
      });
      log(
        `  ${contender}: ${report.wallMs.toFixed(0)} ms, ${report.cpuMs.toFixed(0)} ms CPU per walk (first ${report.firstCpuMs.toFixed(0)}), ${report.distinct} members`,
      );
      return {
        ...report,
        // Per walk: the process walked STEADY.warmups + STEADY.walks times.
        requests: ((sim.stats.byRoute.get(route) ?? 0) - requests) / (STEADY.warmups + STEADY.walks),
        bytes: (sim.stats.bytesSent - bytes) / (STEADY.warmups + STEADY.walks),
      };
    });
    const figures: Figure[] = [];
    for (const contender of contenders) {
      const runs = results.get(contender) ?? [];
      const s = 'member enumeration (10,000)';
      figures.push(
        ...walkFigures(s, contender, runs),
        {
          scenario: s,
          figure: 'peak RSS',
          contender,
          value: spread(
            runs.map((r) => r.peakRssMiB),
            0,
            ' MiB',
          ),
        },
        {
          scenario: s,
          figure: 'member requests',
          contender,
          value: String(median(runs.map((r) => r.requests))),
          goal: contender === 'orgport-auth0' ? '101 (100 pages + the empty last page)' : undefined,
          met: contender === 'orgport-auth0' ? median(runs.map((r) => r.requests)) === 101 : undefined,
        },
        {
          scenario: s,
          figure: 'bytes received',
          contender,
          value: `${(median(runs.map((r) => r.bytes)) / 1024 / 1024).toFixed(2)} MiB`,
        },
        {
          scenario: s,
          figure: 'members seen (distinct)',
          contender,
          value: String(median(runs.map((r) => r.distinct))),
          goal: String(members),
          met: runs.every((r) => r.consistent && r.distinct === members && r.items === members),
        },
      );
    }
    const vsRaw = pairedRatio(results, 'orgport-auth0', 'raw-undici-auth0', (r) => r.wallMs);
    const vsSdk = pairedRatio(results, 'orgport-auth0', 'auth0-sdk', (r) => r.wallMs);
    figures.push(
      ...(await efficiencyFigures({
        scenario: 'member enumeration (10,000)',
        contenders,
        results,
        orgport: 'orgport-auth0',
        peer: 'raw-undici-auth0',
        cpuGoal: 1.3,
        profile: (contender) =>
          runInChild({
            contender,
            url: sim.url,
            clientId: sim.clientId,
            clientSecret: sim.clientSecret,
            organizationId,
            profile: true,
            ...STEADY,
          }),
      })),
    );
    figures.push(
      {
        scenario: 'member enumeration (10,000)',
        figure: 'wall-time ratio orgport / raw undici',
        contender: 'orgport-auth0',
        value: vsRaw.toFixed(2),
        numeric: vsRaw,
        goal: '≤ 1.10',
        met: vsRaw <= 1.1,
      },
      {
        scenario: 'member enumeration (10,000)',
        figure: 'wall-time ratio orgport / auth0 SDK',
        contender: 'orgport-auth0',
        value: vsSdk.toFixed(2),
        numeric: vsSdk,
        goal: '≤ 1.00',
        met: vsSdk <= 1.0,
      },
    );
    return figures;
  } finally {
    await sim.close();
  }
}

/** 2. Tenant scan: 200 organizations × 50 members under a 50 req/s token bucket, 8 at once. */
export async function tenantScan(log: Progress, reps = 3): Promise<Figure[]> {
  const rate = 50;
  const figures: Figure[] = [];
  const runs: {
    wallMs: number;
    windowMs: number;
    requests: number;
    throttled: number;
    distinct: number;
    floorMs: number;
  }[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const sim = await startAuth0Simulator({
      seed: 2,
      fixtures: { seed: 2, organizations: 200, membersPerOrg: 50, sharedMemberRatio: 0 },
      rateLimit: { capacity: rate, refillPerSecond: rate },
    });
    try {
      const report = await runInChild({
        contender: 'orgport-auth0-scan',
        url: sim.url,
        clientId: sim.clientId,
        clientSecret: sim.clientSecret,
        organizationId: '',
        concurrency: 8,
      });
      const paced = sim.stats.log.filter((entry) => entry.route.startsWith('GET /api/v2'));
      const requests = paced.length;
      const floorMs = (Math.max(0, requests - rate) / rate) * 1000;
      runs.push({
        wallMs: report.wallMs,
        // The pacing itself: from the first rate-limited request to the last answer.
        windowMs: (paced.at(-1)?.atMs ?? 0) - (paced[0]?.atMs ?? 0),
        requests,
        throttled: sim.stats.byStatus.get(429) ?? 0,
        distinct: report.distinct,
        floorMs,
      });
      log(
        `  orgport scan: ${report.wallMs.toFixed(0)} ms in all, ${(runs.at(-1)?.windowMs ?? 0).toFixed(0)} ms first to last of ${requests} requests (floor ${floorMs.toFixed(0)} ms), ${sim.stats.byStatus.get(429) ?? 0} × 429`,
      );
    } finally {
      await sim.close();
    }
  }
  const s = 'tenant scan under 50 req/s (200 × 50)';
  const efficiency = median(runs.map((r) => r.floorMs / r.windowMs));
  const fromStart = median(runs.map((r) => r.floorMs / r.wallMs));
  figures.push(
    {
      scenario: s,
      figure: 'wall time (fresh process: setup, token and organization list included)',
      contender: 'orgport-auth0',
      value: spread(
        runs.map((r) => r.wallMs),
        0,
        ' ms',
      ),
    },
    {
      scenario: s,
      figure: 'first to last rate-limited request (simulator clock)',
      contender: 'orgport-auth0',
      value: spread(
        runs.map((r) => r.windowMs),
        0,
        ' ms',
      ),
    },
    {
      scenario: s,
      figure: 'throughput / ceiling from process start',
      contender: 'orgport-auth0',
      value: fromStart.toFixed(3),
    },
    {
      scenario: s,
      figure: 'rate-limit floor ((requests − burst) / rate)',
      contender: 'floor',
      value: spread(
        runs.map((r) => r.floorMs),
        0,
        ' ms',
      ),
    },
    {
      scenario: s,
      figure: 'throughput / ceiling (first to last request: the pacing)',
      contender: 'orgport-auth0',
      value: efficiency.toFixed(3),
      numeric: efficiency,
      goal: '≥ 0.95',
      met: efficiency >= 0.95,
    },
    {
      scenario: s,
      figure: '429 responses',
      contender: 'orgport-auth0',
      value: String(median(runs.map((r) => r.throttled))),
      goal: 'near 0 (pacing from headers)',
      met: median(runs.map((r) => r.throttled)) <= 5,
    },
    {
      scenario: s,
      figure: 'members seen (distinct)',
      contender: 'orgport-auth0',
      value: String(median(runs.map((r) => r.distinct))),
      goal: '10000, no loss, no duplicates',
      met: runs.every((r) => r.distinct === 10_000),
    },
  );
  return figures;
}

/** 3. Streaming memory: 1,000,000 members through members.list, RSS growth. */
export async function streamingMemory(log: Progress, members = 1_000_000): Promise<Figure[]> {
  log(`  seeding ${members.toLocaleString('en-US')} members…`);
  const sim = await startAuth0Simulator({
    seed: 3,
    fixtures: { seed: 3, organizations: 1, membersPerOrg: members, productsPerOrg: 0 },
  });
  const organizationId = [...sim.store.organizations.keys()][0] as string;
  const figures: Figure[] = [];
  try {
    for (const contender of ['orgport-auth0', 'raw-undici-auth0']) {
      const report = await runInChild({
        contender,
        url: sim.url,
        clientId: sim.clientId,
        clientSecret: sim.clientSecret,
        organizationId,
        sampleRss: true,
      });
      const growth = report.peakRssMiB - report.startRssMiB;
      log(
        `  ${contender}: ${report.distinct} members in ${(report.wallMs / 1000).toFixed(1)} s, RSS +${growth.toFixed(1)} MiB`,
      );
      const s = `streaming memory (${members.toLocaleString('en-US')})`;
      figures.push(
        {
          scenario: s,
          figure: 'V8 heap in use after the walk and a full GC (no retention)',
          contender,
          value: `${report.heapUsedMiB.toFixed(1)} MiB`,
        },
        {
          scenario: s,
          figure: 'RSS growth start → after the walk and a full GC',
          contender,
          value: `${report.retainedMiB.toFixed(1)} MiB`,
        },
        {
          scenario: s,
          figure: 'RSS growth start → peak',
          contender,
          value: `${growth.toFixed(1)} MiB`,
          numeric: growth,
          goal: contender === 'orgport-auth0' ? '< 64 MiB' : undefined,
          met: contender === 'orgport-auth0' ? growth < 64 : undefined,
        },
        { scenario: s, figure: 'wall time', contender, value: `${(report.wallMs / 1000).toFixed(1)} s` },
        {
          scenario: s,
          figure: 'members seen (distinct)',
          contender,
          value: String(report.distinct),
          goal: String(members),
          met: report.distinct === members,
        },
      );
    }
    return figures;
  } finally {
    await sim.close();
  }
}

/** 4. cloud-org members: 5,000 members over 20 products, orgport vs raw undici + JSON.parse. */
export function cloudOrgMembers(log: Progress, reps = 11): Promise<Figure[]> {
  return onOwnCore(() => measureCloudOrgMembers(log, reps));
}

async function measureCloudOrgMembers(log: Progress, reps: number): Promise<Figure[]> {
  const sim = await startCloudOrgSimulator({ seed: 4 });
  const { store } = sim;
  const organization = store.addOrganization('Bench Corp');
  store.membership(organization.organizationId, sim.callerId).isAdmin = true;
  const products = Array.from({ length: 20 }, (_, n) => {
    const product = store.addProduct(organization.organizationId, `Product ${n}`);
    return {
      product,
      groups: ['Developers', 'Viewers', 'Release managers'].map(
        (name) => store.addGroup(product.productId, name).permissionGroupId,
      ),
    };
  });
  const data = fixtures({ seed: 4, organizations: 1, membersPerOrg: 5000, productsPerOrg: 0 });
  for (const member of data.members(0)) {
    const user = store.addUser({ email: member.user.email, fullName: member.user.name });
    const membership = store.membership(organization.organizationId, user.userId);
    membership.isAdmin = member.kinds.includes('admin');
    membership.isBillingManager = member.kinds.includes('billing_manager');
    products.forEach(({ product, groups }, index) => {
      if ((member.memberIndex + index) % 10 < 7)
        membership.groups.set(product.productId, groups[(member.memberIndex + index) % 3] as number);
    });
  }
  try {
    const contenders = ['raw-undici-cloud-org', 'orgport-cloud-org'];
    const results = await rounds(contenders, reps, async (contender) => {
      const report = await runInChild({
        contender,
        url: sim.url,
        username: sim.username,
        password: sim.password,
        organizationId: organization.organizationId,
        ...STEADY,
      });
      log(
        `  ${contender}: ${report.wallMs.toFixed(0)} ms, ${report.cpuMs.toFixed(0)} ms CPU per walk (first ${report.firstCpuMs.toFixed(0)}), ${report.distinct} members`,
      );
      return { ...report, requests: 1, bytes: 0 };
    });
    const ratio = pairedRatio(results, 'orgport-cloud-org', 'raw-undici-cloud-org', (r) => r.wallMs);
    const s = 'cloud-org members (5,000 × 20 products)';
    const efficiency = await efficiencyFigures({
      scenario: s,
      contenders,
      results,
      orgport: 'orgport-cloud-org',
      peer: 'raw-undici-cloud-org',
      cpuGoal: 1.6,
      profile: (contender) =>
        runInChild({
          contender,
          url: sim.url,
          username: sim.username,
          password: sim.password,
          organizationId: organization.organizationId,
          profile: true,
          ...STEADY,
        }),
    });
    return [
      ...efficiency,
      ...contenders.flatMap((contender): Figure[] => [
        ...walkFigures(s, contender, results.get(contender) ?? []),
        {
          scenario: s,
          figure: 'members seen (distinct)',
          contender,
          value: String(median((results.get(contender) ?? []).map((r) => r.distinct))),
        },
      ]),
      {
        scenario: s,
        figure: 'wall-time ratio orgport / raw undici',
        contender: 'orgport-cloud-org',
        value: ratio.toFixed(2),
        numeric: ratio,
        goal: '≤ 1.10',
        met: ratio <= 1.1,
      },
    ];
  } finally {
    await sim.close();
  }
}

/** 5. Migration: 10,000 Auth0 memberships into cloud-org under a per-route budget. */
export async function migration(
  log: Progress,
  mapping: RoleMappingInput,
  seedTarget: (
    sim: Awaited<ReturnType<typeof startCloudOrgSimulator>>,
    data: ReturnType<typeof fixtures>,
  ) => void,
): Promise<Figure[]> {
  const data = fixtures({ seed: 5, organizations: 5, membersPerOrg: 2000 });
  const rate = { capacity: 200, refillPerSecond: 400 };
  const auth0 = await startAuth0Simulator({ seed: 5, fixtures: data });
  const cloud = await startCloudOrgSimulator({ seed: 5, rateLimit: rate });
  seedTarget(cloud, data);
  const source = createDirectory(
    createAuth0Adapter({ baseUrl: auth0.url, clientId: auth0.clientId, clientSecret: auth0.clientSecret }),
  );
  const target = createDirectory(
    createCloudOrgAdapter({ baseUrl: cloud.url, username: cloud.username, password: cloud.password }),
  );
  try {
    let started = performance.now();
    const plan = await planMigration({ source, target, mapping });
    const planMs = performance.now() - started;
    const logBefore = cloud.stats.log.length;
    started = performance.now();
    const result = await applyMigration(plan, { target, concurrency: 8 });
    const applyMs = performance.now() - started;
    const readLog = cloud.stats.log.slice(logBefore).filter((entry) => entry.method === 'GET');
    const reads = readLog.length;
    const readsByRoute = new Map<string, number>();
    for (const entry of readLog) readsByRoute.set(entry.route, (readsByRoute.get(entry.route) ?? 0) + 1);
    log(`  reads during apply by route: ${JSON.stringify([...readsByRoute])}`);
    const applyLog = cloud.stats.log.slice(logBefore).filter((entry) => entry.method !== 'GET');
    const writes = applyLog.filter((entry) => entry.status !== 429).length;
    const throttled = applyLog.length - writes;
    const byRoute429 = new Map<string, number>();
    for (const entry of applyLog)
      if (entry.status === 429) byRoute429.set(entry.route, (byRoute429.get(entry.route) ?? 0) + 1);
    const first429 = applyLog.findIndex((entry) => entry.status === 429);
    log(`  429s by route: ${JSON.stringify([...byRoute429])}; the first after ${first429} writes`);
    // The floor: the busiest write route's operations beyond the burst, at the refill rate.
    const perRoute = new Map<string, number>();
    for (const entry of cloud.stats.log)
      if (entry.method !== 'GET') perRoute.set(entry.route, (perRoute.get(entry.route) ?? 0) + 1);
    const busiest = Math.max(...perRoute.values());
    const floorMs = (Math.max(0, busiest - rate.capacity) / rate.refillPerSecond) * 1000;
    const replan = await planMigration({ source, target, mapping });
    const writesBeforeRerun = cloud.stats.writes;
    await applyMigration(replan, { target });
    const rerunWrites = cloud.stats.writes - writesBeforeRerun;
    log(
      `  plan ${planMs.toFixed(0)} ms, apply ${applyMs.toFixed(0)} ms (floor ${floorMs.toFixed(0)} ms), ${writes} writes for ${plan.operations.length} operations, re-run ${rerunWrites} writes`,
    );
    const s = 'migration Auth0 → cloud-org (10,000 memberships)';
    return [
      {
        scenario: s,
        figure: 'plan size (operations)',
        contender: 'orgport',
        value: String(plan.operations.length),
      },
      {
        scenario: s,
        figure: 'writes accepted by the vendor',
        contender: 'orgport',
        value: String(writes),
        goal: '= plan size (no redundant write)',
        met: writes === plan.operations.length,
      },
      {
        scenario: s,
        figure: 'write attempts refused with 429 (then retried)',
        contender: 'orgport',
        value: String(throttled),
        goal: '≤ 1% of the plan',
        met: throttled <= plan.operations.length * 0.01,
      },
      {
        scenario: s,
        figure: 'failed operations',
        contender: 'orgport',
        value: String(result.failed.length),
        goal: '0',
        met: result.failed.length === 0,
      },
      {
        scenario: s,
        figure: 're-plan operations / re-run writes',
        contender: 'orgport',
        value: `${replan.operations.length} / ${rerunWrites}`,
        goal: '0 / 0',
        met: replan.operations.length === 0 && rerunWrites === 0,
      },
      {
        scenario: s,
        figure: 'reads during apply (GET requests; each grant change is decided on a fresh read)',
        contender: 'orgport',
        value: `${reads} (${(reads / plan.operations.length).toFixed(2)} per operation)`,
      },
      { scenario: s, figure: 'plan time', contender: 'orgport', value: `${(planMs / 1000).toFixed(1)} s` },
      {
        scenario: s,
        figure: `apply time vs rate floor (${rate.refillPerSecond} writes/s per route, burst ${rate.capacity})`,
        contender: 'orgport',
        value: `${(applyMs / 1000).toFixed(1)} s vs ${(floorMs / 1000).toFixed(1)} s (${(floorMs / applyMs).toFixed(2)} of ceiling)`,
        numeric: floorMs / applyMs,
        goal: '≥ 0.95 of ceiling',
        met: floorMs / applyMs >= 0.95,
      },
    ];
  } finally {
    await Promise.all([source.close(), target.close()]);
    await Promise.all([auth0.close(), cloud.close()]);
  }
}
