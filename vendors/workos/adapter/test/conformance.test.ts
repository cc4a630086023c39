import { createVirtualClock } from '@orgport/core/driver';
import { WorkOSApiClient, workosApiHarness } from '@orgport/simulator-workos';
import { runConformanceSuite } from '@orgport/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkOSAdapter } from '../src/index.js';
import { type OfficialEmulator, startOfficialEmulator } from './support/official-emulator.js';

// The conformance suite against WorkOS's official emulator (workos 0.14.0), which holds one
// role per membership: the adapter runs with WorkOS's default manifest. Each test's adapter
// has its own API key; the seeder spreads its requests over the others.
describe('WorkOS adapter on the official emulator', () => {
  let emulator: OfficialEmulator;
  let api: WorkOSApiClient;
  let nextKey = 0;
  const clock = createVirtualClock();
  beforeAll(async () => {
    emulator = await startOfficialEmulator(256);
    api = new WorkOSApiClient(emulator.url, emulator.keys.slice(32));
  });
  afterAll(() => emulator.close());

  it('listens on the loopback interface only', () => {
    expect(emulator.boundHost).toBe('127.0.0.1');
  });

  runConformanceSuite({
    name: 'workos',
    makeHarness: (context) => {
      const key = emulator.keys[nextKey++ % 32] as string;
      return workosApiHarness(context, {
        api,
        makeAdapter: (countRequest) =>
          createWorkOSAdapter({
            apiKey: key,
            baseUrl: emulator.url,
            http: {
              retry: { baseDelayMs: 5, maxDelayMs: 50 },
              clock,
              onEvent: (event) => {
                if (event.type === 'request') countRequest();
              },
            },
          }),
      });
    },
  });
});

describe('the faults variant', () => {
  it.skip('runs the suite through the fault proxy in front of the emulator (waits for startFaultProxy and runVendorConformance from the vendor-path branch, issue 23)', () => {});
});
