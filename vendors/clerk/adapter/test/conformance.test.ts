import { clerkSimulatorHarness, startClerkSimulator } from '@orgport/simulator-clerk';
import { runVendorConformance } from '@orgport/testkit';
import { createClerkAdapter } from '../src/index.js';

// The whole suite on our Clerk simulator, which serves every route the adapter uses as the
// spec shapes them: plain, and under injected 429s and 5xx on a shared virtual clock.
runVendorConformance({
  name: 'clerk',
  seed: 21,
  start: startClerkSimulator,
  makeAdapter: (sim, { baseUrl, clock }) =>
    createClerkAdapter({
      secretKey: sim.secretKey,
      apiUrl: baseUrl,
      http: { retry: { baseDelayMs: 5, maxDelayMs: 50 }, clock },
    }),
  harness: clerkSimulatorHarness,
  variants: ['plain', 'faults'],
});
