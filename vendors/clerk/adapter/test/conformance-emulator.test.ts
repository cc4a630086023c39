import { clerkHarness } from '@orgport/simulator-clerk';
import { runVendorConformance } from '@orgport/testkit';
import { createClerkAdapter } from '../src/index.js';
import { startClerkEmulator } from './support/clerk-emulator.js';

/**
 * Tests the community emulator (`emulate@0.12.2`) cannot serve, each with its reason: it has
 * no `/users/{id}/organization_memberships` and no `/organization_roles` (both answer 404).
 * Every one of them runs against our simulator (conformance.test.ts).
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

/**
 * The community emulator as a conformance target: no fault injection of its own, so the
 * `faults` run goes through the fault proxy, which answers its 429s with `Retry-After`.
 */
runVendorConformance({
  name: 'clerk (community emulator emulate@0.12.2)',
  start: () => startClerkEmulator(),
  makeAdapter: (emulator, { baseUrl, clock }) =>
    createClerkAdapter({
      secretKey: emulator.secretKey,
      apiUrl: baseUrl,
      http: {
        retry: { baseDelayMs: 5, maxDelayMs: 50 },
        clock,
        onEvent: (event) => {
          if (event.type === 'request') emulator.adapterRequests++;
        },
      },
    }),
  harness: (context, { target, adapter }) => clerkHarness(context, { backdoor: target.backdoor, adapter }),
  skipTests: EMULATOR_GAPS,
  // Seeding goes through the emulator's API (two requests a member) and it answers slowly
  // (300 members cost 5–10 s a run here, 2,500 about 30 s). The paging test runs at 2,500 on
  // our simulator; on the emulator, 150 members still take two pages of 100.
  scale: { largeMemberCount: 150 },
  variants: ['plain', 'faults'],
});
