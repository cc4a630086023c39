import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { createDirectory, type Directory, OrgPortError } from '@orgport/core';
import { createVirtualClock } from '@orgport/core/driver';
import { startAuth0Simulator } from '@orgport/simulator-auth0';
import { startCloudOrgSimulator } from '@orgport/simulator-cloud-org';
import type { Faults, RequestStats } from '@orgport/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { scanTenant } from './scan.js';

interface World {
  readonly directory: (retries: number) => Directory;
  readonly faults: Faults;
  readonly stats: RequestStats;
  close(): Promise<void>;
}

/**
 * Waits (backoff, Retry-After, pacing) run on a virtual clock shared with the simulator, so
 * a 429 costs no real second. Socket timeouts are real: injected latency (600 ms) must
 * exceed them (300 ms) for the timeout path to run, and an unfaulted request on a loaded
 * machine must stay well inside them. The fault-free baseline uses the default timeouts:
 * with no retries, one slow answer on a busy machine must not fail it.
 */
const INJECTED_LATENCY_MS = 600;
const transport = (maxRetries: number) => ({
  retry: { maxRetries, baseDelayMs: 2, maxDelayMs: 20 },
  ...(maxRetries === 0 ? {} : { timeouts: { requestMs: 300, headersMs: 300, bodyMs: 300 } }),
});
const data = { seed: 9, organizations: 12, membersPerOrg: 120 };

const WORLDS: Record<string, () => Promise<World>> = {
  async auth0() {
    const clock = createVirtualClock();
    const sim = await startAuth0Simulator({ seed: 9, fixtures: data, clock });
    return {
      faults: sim.faults,
      stats: sim.stats,
      close: sim.close,
      directory: (retries) =>
        createDirectory(
          createAuth0Adapter({
            baseUrl: sim.url,
            clientId: sim.clientId,
            clientSecret: sim.clientSecret,
            http: { ...transport(retries), clock },
          }),
        ),
    };
  },
  async 'cloud-org'() {
    const clock = createVirtualClock();
    const sim = await startCloudOrgSimulator({ seed: 9, fixtures: data, clock });
    return {
      faults: sim.faults,
      stats: sim.stats,
      close: sim.close,
      directory: (retries) =>
        createDirectory(
          createCloudOrgAdapter({
            baseUrl: sim.url,
            username: sim.username,
            password: sim.password,
            http: { ...transport(retries), clock },
          }),
        ),
    };
  },
};

const report: Record<string, string | number>[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
process.on('unhandledRejection', onUnhandled);
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  console.log('\nFault soak report (records: members plus single reads; lost must be 0):');
  console.table(report);
});

for (const [vendor, make] of Object.entries(WORLDS)) {
  describe(`${vendor}: a full scan under faults equals the fault-free scan`, () => {
    for (const rate of [0.01, 0.05, 0.1, 0.2]) {
      it(`at ${rate * 100}% faults (429, 5xx, resets mid-body, timeouts, truncated JSON)`, async () => {
        const world = await make();
        try {
          const baseline = await scanTenant(world.directory(0));
          world.faults.configure({
            seed: Math.round(rate * 1000),
            rateLimit: rate / 5,
            serverError: rate / 5,
            reset: rate / 5,
            latency: rate / 5,
            latencyMs: INJECTED_LATENCY_MS,
            malformed: rate / 5,
          });
          const before = world.stats.requests;
          const directory = world.directory(8);
          const scanned = await scanTenant(directory);
          await directory.close();
          const lost = baseline.members - scanned.members;
          report.push({
            vendor,
            rate: `${rate * 100}%`,
            requests: world.stats.requests - before,
            faults: world.faults.total,
            'records expected': baseline.members,
            'records seen': scanned.members,
            lost,
            duplicates: scanned.duplicates,
          });
          expect(scanned.fingerprint).toBe(baseline.fingerprint);
          expect([lost, scanned.duplicates]).toEqual([0, 0]);
          if (rate >= 0.05) expect(world.faults.total).toBeGreaterThan(0);
          expect(unhandled).toEqual([]);
        } finally {
          await world.close();
        }
      }, 60_000);
    }

    it('fails with the right code when retries cannot suffice, without hanging', async () => {
      const world = await make();
      try {
        const cases: [Parameters<Faults['configure']>[0], string][] = [
          [{ serverError: 1 }, 'unavailable'],
          [{ rateLimit: 1 }, 'rate_limited'],
          [{ reset: 1 }, 'unavailable'],
          [{ latency: 1, latencyMs: INJECTED_LATENCY_MS }, 'timeout'],
          [{ missingField: 1 }, 'invalid_response'],
        ];
        await scanTenant(world.directory(0), 1);
        for (const [faults, code] of cases) {
          world.faults.configure(faults);
          const directory = world.directory(2);
          const error = await scanTenant(directory, 2).catch((e: unknown) => e);
          await directory.close();
          expect(OrgPortError.is(error) ? error.code : String(error)).toBe(code);
        }
        expect(unhandled).toEqual([]);
      } finally {
        await world.close();
      }
    }, 60_000);
  });
}
