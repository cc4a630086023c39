import { createVirtualClock } from '@orgport/core/driver';
import { clerkHarness } from '@orgport/simulator-clerk';
import { type ConformanceRunner, runConformanceSuite, vitestRunner } from '@orgport/testkit';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createClerkAdapter } from '../src/index.js';
import { type ClerkEmulator, startClerkEmulator } from './support/clerk-emulator.js';

/**
 * Tests the community emulator (`emulate@0.12.2`) cannot serve, each with its reason: it has
 * no `/users/{id}/organization_memberships` and no `/organization_roles` (both answer 404).
 * Every one of them runs against our simulator (conformance-simulator.test.ts).
 */
const NO_USER_MEMBERSHIPS =
  'the emulator lacks /users/{id}/organization_memberships (404); runs on our simulator';
const NO_ROLES =
  'the emulator lacks /organization_roles (404), so no role can be checked or listed; runs on our simulator';
const EMULATOR_GAPS = new Map<string, string>([
  ['members.organizationsOf lists exactly the organizations the user belongs to', NO_USER_MEMBERSHIPS],
  ['members.organizationsOf follows every page', NO_USER_MEMBERSHIPS],
  ['members.organizationsOf of an unknown user fails with not_found', NO_USER_MEMBERSHIPS],
  ['permissions.groups lists organization roles', NO_ROLES],
  ['permissions.set gives a member organization roles, visible in grants and members.list', NO_ROLES],
  ['permissions.set replaces the grants a member held before', NO_ROLES],
  ['permissions.set with an unknown group fails with not_found', NO_ROLES],
  ['permissions.revoke removes only the listed grants', NO_ROLES],
  ["rolesPerMember: 'one' means a second role replaces the first and two at once are refused", NO_ROLES],
  ['grantScopes: every declared scope lists its groups', NO_ROLES],
]);

/** vitest's runner, skipping the emulator's gaps by name with their reason. */
const emulatorRunner: ConformanceRunner = {
  ...vitestRunner,
  it: (name, body, timeoutMs) => {
    const gap = EMULATOR_GAPS.get(name);
    if (gap !== undefined) vitestRunner.skip(`${name} (${gap})`, async () => undefined);
    else vitestRunner.it(name, body, timeoutMs);
  },
};

describe('clerk adapter on the community emulator (emulate@0.12.2)', () => {
  let emulator: ClerkEmulator;
  const clock = createVirtualClock();
  beforeAll(async () => {
    emulator = await startClerkEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });
  runConformanceSuite({
    name: 'clerk',
    runner: emulatorRunner,
    // Seeding goes through the emulator's API (two requests a member) and its member list
    // looks every user up per page: 2,500 members cost ~30 s here, 600 about 9 s. The paging test runs at
    // 2,500 on our simulator; on the emulator, 300 members still take three pages of 100.
    scale: { largeMemberCount: 300 },
    makeHarness: (context) =>
      clerkHarness(context, {
        backdoor: emulator.backdoor,
        makeAdapter: () =>
          createClerkAdapter({
            secretKey: emulator.secretKey,
            apiUrl: emulator.url,
            http: {
              retry: { baseDelayMs: 5, maxDelayMs: 50 },
              clock,
              onEvent: (event) => {
                if (event.type === 'request') emulator.adapterRequests++;
              },
            },
          }),
      }),
  });
});

describe('clerk adapter on the community emulator behind the fault proxy', () => {
  it.skip('runs the conformance suite under injected 429, 5xx and resets (waits for startFaultProxy from @orgport/simulator-kit, issue 23, not yet on main)', () => {});
});
