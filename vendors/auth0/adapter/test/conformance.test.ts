import { auth0SimulatorHarness, startAuth0Simulator } from '@orgport/simulator-auth0';
import { DEFAULT_FAULT_RATES, runVendorConformance } from '@orgport/testkit';
import { AUTH0_CAPABILITIES, createAuth0Adapter } from '../src/index.js';

// The suite on the simulator: plain, under its own injected 429s and 5xx, under the same
// faults from the fault proxy in front of it (the path of a vendor without a simulator of
// ours), and with member lists lagging writes (real time, which `eventually` polls).
runVendorConformance({
  name: 'auth0',
  // The manifest up front: tests that cannot apply are not registered (not skips).
  capabilities: AUTH0_CAPABILITIES,
  seed: 7,
  start: startAuth0Simulator,
  makeAdapter: (sim, { baseUrl, clock }) =>
    createAuth0Adapter({
      baseUrl,
      clientId: sim.clientId,
      clientSecret: sim.clientSecret,
      audience: sim.audience,
      http: { retry: { baseDelayMs: 5, maxDelayMs: 50 }, clock },
    }),
  harness: auth0SimulatorHarness,
  proxy: {
    faultsApply: (request) => request.path !== '/oauth/token',
    rateLimit: { response: () => ({ status: 429, body: { statusCode: 429, error: 'Too Many Requests' } }) },
  },
  variants: [
    'plain',
    'faults',
    { label: 'with the same faults through the fault proxy', faults: DEFAULT_FAULT_RATES, viaProxy: true },
    { label: 'with a 150 ms member-list lag', options: { memberListLagMs: 150 }, clock: 'real' },
  ],
});
