import type { Clock } from '@orgport/core';
import { createVirtualClock } from '@orgport/core/driver';
import { type Auth0Simulator, auth0SimulatorHarness, startAuth0Simulator } from '@orgport/simulator-auth0';
import { runConformanceSuite } from '@orgport/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH0_CAPABILITIES, createAuth0Adapter } from '../src/index.js';

/**
 * Each suite's simulator and adapter share one clock: a virtual one, so injected 429s wait
 * no real time, except where the suite tests member-list lag (real time, which the
 * suite's `eventually` polls).
 */
const makeAdapter = (sim: Auth0Simulator, clock?: Clock) =>
  createAuth0Adapter({
    baseUrl: sim.url,
    clientId: sim.clientId,
    clientSecret: sim.clientSecret,
    http: { retry: { baseDelayMs: 5, maxDelayMs: 50 }, clock },
  });

/** Runs the whole suite against a simulator started with `options`. */
function suiteOn(
  label: string,
  options: Parameters<typeof startAuth0Simulator>[0],
  after?: (sim: Auth0Simulator) => void,
) {
  describe(label, () => {
    let simulator: Auth0Simulator;
    const clock = options?.memberListLagMs ? undefined : createVirtualClock();
    beforeAll(async () => {
      simulator = await startAuth0Simulator({ clock, ...options });
    });
    afterAll(async () => {
      after?.(simulator);
      await simulator.close();
    });
    runConformanceSuite({
      name: 'auth0',
      // The manifest up front: tests that cannot apply are not registered (not skips).
      capabilities: AUTH0_CAPABILITIES,
      makeHarness: (context) =>
        auth0SimulatorHarness(context, { simulator, makeAdapter: (sim) => makeAdapter(sim, clock) }),
    });
  });
}

suiteOn('auth0 adapter on the simulator', { seed: 7 });

let faultsInjected = 0;
suiteOn(
  'auth0 adapter on the simulator with 10% injected 429 and 5xx faults',
  { seed: 8, faults: { seed: 8, rateLimit: 0.05, serverError: 0.05 } },
  (sim) => {
    faultsInjected = sim.faults.total;
  },
);

suiteOn('auth0 adapter on the simulator with a 150 ms member-list lag', { seed: 9, memberListLagMs: 150 });

describe('fault run', () => {
  it('really injected faults', () => {
    // Runs after the faulty suite (files run their tests in order).
    expect(faultsInjected).toBeGreaterThan(10);
  });
});
