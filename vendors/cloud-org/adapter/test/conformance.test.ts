import type { Clock } from '@orgport/core';
import { createVirtualClock } from '@orgport/core/driver';
import {
  type CloudOrgSimulator,
  cloudOrgSimulatorHarness,
  startCloudOrgSimulator,
} from '@orgport/simulator-cloud-org';
import { runConformanceSuite } from '@orgport/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOUD_ORG_CAPABILITIES, createCloudOrgAdapter } from '../src/index.js';

/**
 * Each suite's simulator and adapter share one clock: a virtual one, so injected 429s wait
 * no real time, except where the suite tests member-list lag (real time, which the
 * suite's `eventually` polls).
 */
const makeAdapter = (sim: CloudOrgSimulator, clock?: Clock) =>
  createCloudOrgAdapter({
    baseUrl: sim.url,
    username: sim.username,
    password: sim.password,
    http: { retry: { baseDelayMs: 5, maxDelayMs: 50 }, clock },
  });

function suiteOn(
  label: string,
  options: Parameters<typeof startCloudOrgSimulator>[0],
  after?: (sim: CloudOrgSimulator) => void,
) {
  describe(label, () => {
    let simulator: CloudOrgSimulator;
    const clock = createVirtualClock();
    beforeAll(async () => {
      simulator = await startCloudOrgSimulator({
        clock,
        ...options,
        quirks: { listCaller: false, ...options?.quirks },
      });
    });
    afterAll(async () => {
      after?.(simulator);
      await simulator.close();
    });
    runConformanceSuite({
      name: 'cloud-org',
      // The manifest up front: tests that cannot apply are not registered (not skips).
      capabilities: CLOUD_ORG_CAPABILITIES,
      makeHarness: (context) =>
        cloudOrgSimulatorHarness(context, { simulator, makeAdapter: (sim) => makeAdapter(sim, clock) }),
    });
  });
}

suiteOn('cloud-org adapter on the simulator', { seed: 11 });

let faultsInjected = 0;
suiteOn(
  'cloud-org adapter on the simulator with 10% injected 429 and 5xx faults',
  { seed: 12, faults: { seed: 12, rateLimit: 0.05, serverError: 0.05 } },
  (sim) => {
    faultsInjected = sim.faults.total;
  },
);

suiteOn('cloud-org adapter on the simulator with null arrays, admins among members and ISO resets', {
  seed: 13,
  quirks: { nullArrays: true, adminsInMembers: true, resetFormat: 'epoch', errorBody: 'problem' },
});

describe('fault run', () => {
  it('really injected faults', () => {
    expect(faultsInjected).toBeGreaterThan(10);
  });
});
