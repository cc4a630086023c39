import { runVendorConformance } from '@orgport/testkit';
import { createVendorTemplateAdapter } from '../src/index.js';
import { emulatorHarness } from './support/emulator-harness.js';
import { startEmulator } from './support/start-emulator.js';

// The whole suite against the vendor's emulator, plain and under the fault proxy's 429s
// and 5xx (the emulator has no faults of its own, so the wiring puts the proxy in front).
runVendorConformance({
  name: 'vendor-template',
  start: () => startEmulator(),
  makeAdapter: (emulator, { baseUrl, clock }) =>
    createVendorTemplateAdapter({
      baseUrl,
      apiKey: emulator.apiKey,
      http: { retry: { baseDelayMs: 5, maxDelayMs: 50 }, clock },
    }),
  harness: emulatorHarness,
  variants: ['plain', 'faults'],
  minFaults: 3,
  // Seeding through the emulator's API costs two requests a member: page through 250.
  scale: { largeMemberCount: 250 },
});
