import { createVirtualClock } from '@orgport/core/driver';
import {
  type ClerkSimulator,
  clerkHarness,
  startClerkSimulator,
  storeBackdoor,
} from '@orgport/simulator-clerk';
import { runConformanceSuite } from '@orgport/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClerkAdapter } from '../src/index.js';

/** The whole suite against our Clerk simulator, plain and with injected 429 and 5xx answers, on a shared virtual clock. */
function suiteOn(
  label: string,
  options: Parameters<typeof startClerkSimulator>[0],
  after?: (sim: ClerkSimulator) => void,
) {
  describe(label, () => {
    let simulator: ClerkSimulator;
    const clock = createVirtualClock();
    beforeAll(async () => {
      simulator = await startClerkSimulator({ clock, ...options });
    });
    afterAll(async () => {
      after?.(simulator);
      await simulator.close();
    });
    runConformanceSuite({
      name: 'clerk',
      makeHarness: (context) =>
        clerkHarness(context, {
          backdoor: storeBackdoor(simulator.store, () => simulator.stats.requests),
          makeAdapter: () =>
            createClerkAdapter({
              secretKey: simulator.secretKey,
              apiUrl: simulator.url,
              http: { retry: { baseDelayMs: 5, maxDelayMs: 50 }, clock },
            }),
        }),
    });
  });
}

suiteOn('clerk adapter on the simulator', { seed: 21 });

let faultsInjected = 0;
suiteOn(
  'clerk adapter on the simulator with 10% injected 429 and 5xx faults',
  { seed: 22, faults: { seed: 22, rateLimit: 0.05, serverError: 0.05 } },
  (sim) => {
    faultsInjected = sim.faults.total;
  },
);

describe('fault run', () => {
  it('really injected faults', () => {
    expect(faultsInjected).toBeGreaterThan(10);
  });
});
