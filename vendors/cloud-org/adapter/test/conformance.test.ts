import {
  type CloudOrgSimulatorOptions,
  cloudOrgSimulatorHarness,
  startCloudOrgSimulator,
} from '@orgport/simulator-cloud-org';
import { runVendorConformance } from '@orgport/testkit';
import { CLOUD_ORG_CAPABILITIES, createCloudOrgAdapter } from '../src/index.js';

// The suite on the simulator (the credential's own account kept out of member lists):
// plain, under injected 429s and 5xx, and with the vendor's odder answers switched on.
runVendorConformance({
  name: 'cloud-org',
  // The manifest up front: tests that cannot apply are not registered (not skips).
  capabilities: CLOUD_ORG_CAPABILITIES,
  seed: 11,
  start: (options: CloudOrgSimulatorOptions) =>
    startCloudOrgSimulator({ ...options, quirks: { listCaller: false, ...options.quirks } }),
  makeAdapter: (sim, { baseUrl, clock }) =>
    createCloudOrgAdapter({
      baseUrl,
      username: sim.username,
      password: sim.password,
      http: { retry: { baseDelayMs: 5, maxDelayMs: 50 }, clock },
    }),
  harness: cloudOrgSimulatorHarness,
  variants: [
    'plain',
    'faults',
    {
      label: 'with null arrays, admins among members and epoch resets',
      options: {
        quirks: { nullArrays: true, adminsInMembers: true, resetFormat: 'epoch', errorBody: 'problem' },
      },
    },
  ],
});
