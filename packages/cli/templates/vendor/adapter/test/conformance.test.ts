import { startVendorTemplateSimulator, vendorTemplateHarness } from '@orgport/simulator-vendor-template';
import { runVendorConformance } from '@orgport/testkit';
import { createVendorTemplateAdapter } from '../src/index.js';

// The whole suite on our simulator, plain and under its own injected 429s and 5xx.
runVendorConformance({
  name: 'vendor-template',
  start: startVendorTemplateSimulator,
  makeAdapter: (sim, { baseUrl, clock }) =>
    createVendorTemplateAdapter({
      baseUrl,
      apiKey: sim.apiKey,
      http: { retry: { baseDelayMs: 5, maxDelayMs: 50 }, clock },
    }),
  harness: vendorTemplateHarness,
  variants: ['plain', 'faults'],
  minFaults: 3,
});
