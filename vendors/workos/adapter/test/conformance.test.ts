import { WorkOSApiClient, type WorkOSTarget, workosApiHarness } from '@orgport/simulator-workos';
import { runVendorConformance } from '@orgport/testkit';
import { describe, expect, it } from 'vitest';
import { createWorkOSAdapter } from '../src/index.js';
import { startOfficialEmulator } from './support/official-emulator.js';

// The conformance suite against WorkOS's official emulator (workos 0.14.0), plain and
// through the fault proxy (the emulator injects no faults of its own). The emulator holds
// one role per membership: the adapter runs with WorkOS's default manifest. Each test's
// adapter gets its own API key; the seeder spreads its requests over the others, as the
// emulator allows 1,000 requests per 60 s per key.
const ADAPTER_KEYS = 32;

async function startEmulatorTarget(): Promise<WorkOSTarget & { boundHost: string | undefined }> {
  const emulator = await startOfficialEmulator(256);
  let next = 0;
  let requests = 0;
  return {
    url: emulator.url,
    boundHost: emulator.boundHost,
    seeder: new WorkOSApiClient(emulator.url, emulator.keys.slice(ADAPTER_KEYS)),
    multipleRoles: false,
    adapterKey: () => emulator.keys[next++ % ADAPTER_KEYS] as string,
    countRequest: () => void requests++,
    adapterRequests: () => requests,
    close: emulator.close,
  };
}

const conformance = (variant: 'plain' | 'faults', largeMemberCount: number) =>
  runVendorConformance({
    name: 'workos',
    seed: 26,
    start: () => startEmulatorTarget(),
    makeAdapter: (target, { baseUrl, clock }) =>
      createWorkOSAdapter({
        apiKey: target.adapterKey(),
        baseUrl,
        http: {
          retry: { baseDelayMs: 5, maxDelayMs: 50 },
          clock,
          onEvent: (event) => {
            if (event.type === 'request') target.countRequest();
          },
        },
      }),
    harness: workosApiHarness,
    proxy: {
      rateLimit: {
        response: () => ({
          status: 429,
          body: { message: 'Too many requests.', code: 'rate_limit_exceeded' },
        }),
      },
    },
    scale: { largeMemberCount },
    variants: [variant],
  });

// Seeding goes through the emulator's API, about 3 requests a member (create the user and
// the membership, delete the user), in the test's own process: the large paging test
// pages 1,000 members here (600 through the proxy); the simulator's runs page 2,500.
conformance('plain', 1_000);
conformance('faults', 600);

describe('the official emulator', () => {
  it('is bound to the loopback interface only', async () => {
    const target = await startEmulatorTarget();
    try {
      expect(target.boundHost).toBe('127.0.0.1');
    } finally {
      await target.close();
    }
  });
});
