import {
  startWorkOSSimulatorTarget,
  type WorkOSSimulatorTargetOptions,
  workosApiHarness,
} from '@orgport/simulator-workos';
import { runVendorConformance } from '@orgport/testkit';
import { createWorkOSAdapter } from '../src/index.js';

// The same suite against our simulator, which is held to the spec where the emulator is
// not: one role per membership (plain and through the fault proxy, so the seeder stays
// fault-free), and multiple roles enabled (the emulator ignores role_slugs), where the
// adapter declares rolesPerMember 'many'.
runVendorConformance({
  name: 'workos',
  seed: 260,
  start: (options: WorkOSSimulatorTargetOptions) => startWorkOSSimulatorTarget(options),
  makeAdapter: (target, { baseUrl, clock }) =>
    createWorkOSAdapter({
      apiKey: target.adapterKey(),
      baseUrl,
      multipleRoles: target.multipleRoles,
      http: {
        retry: { baseDelayMs: 5, maxDelayMs: 50 },
        clock,
        onEvent: (event) => {
          if (event.type === 'request') target.countRequest();
        },
      },
    }),
  harness: workosApiHarness,
  variants: [
    { label: 'on the simulator (one role per membership)' },
    {
      label: 'on the simulator through the fault proxy (10% injected 429 and 5xx)',
      faults: { rateLimit: 0.05, serverError: 0.05 },
      viaProxy: true,
    },
    { label: 'on the simulator with multiple roles', options: { multipleRoles: true } },
  ],
});
