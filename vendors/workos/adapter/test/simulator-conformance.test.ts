import { createVirtualClock } from '@orgport/core/driver';
import {
  startWorkOSSimulator,
  WorkOSApiClient,
  type WorkOSSimulator,
  workosApiHarness,
} from '@orgport/simulator-workos';
import { runConformanceSuite } from '@orgport/testkit';
import { afterAll, beforeAll, describe } from 'vitest';
import { createWorkOSAdapter } from '../src/index.js';

// The same suite against our simulator, which is held to the spec where the emulator is
// not: on a single-role environment, and on one with multiple roles enabled (the emulator
// ignores role_slugs), where the adapter declares rolesPerMember 'many'.
for (const multipleRoles of [false, true]) {
  describe(`WorkOS adapter on the simulator (${multipleRoles ? 'multiple roles' : 'one role per membership'})`, () => {
    let simulator: WorkOSSimulator;
    let api: WorkOSApiClient;
    const clock = createVirtualClock();
    beforeAll(async () => {
      simulator = await startWorkOSSimulator({
        multipleRoles,
        clock,
        // The seeder shares AuthKit's per-environment limits: limits are tested on their own.
        rateLimits: false,
        apiKeys: ['sk_test_adapter', 'sk_test_seeder'],
      });
      api = new WorkOSApiClient(simulator.url, ['sk_test_seeder'], Number.POSITIVE_INFINITY);
    });
    afterAll(() => simulator.close());
    runConformanceSuite({
      name: 'workos',
      makeHarness: (context) =>
        workosApiHarness(context, {
          api,
          makeAdapter: (countRequest) =>
            createWorkOSAdapter({
              apiKey: 'sk_test_adapter',
              baseUrl: simulator.url,
              multipleRoles,
              http: {
                retry: { baseDelayMs: 5, maxDelayMs: 50 },
                clock,
                onEvent: (event) => {
                  if (event.type === 'request') countRequest();
                },
              },
            }),
        }),
    });
  });
}
