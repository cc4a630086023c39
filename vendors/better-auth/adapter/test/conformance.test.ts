import { postgresSkipReason } from '@orgport/fleet/testing';
import { runVendorConformance } from '@orgport/testkit';
import { BETTER_AUTH_CAPABILITIES, createBetterAuthAdapter } from '../src/index.js';
import { betterAuthHarness } from './support/better-auth-harness.js';
import { startBetterAuthTarget } from './support/better-auth-target.js';

// Every test runs the real better-auth package, in this process: an app on its memory
// adapter, and one on a throwaway PostgreSQL cluster through Kysely and pg.
const postgres = postgresSkipReason() === undefined;
runVendorConformance({
  name: 'better-auth',
  seed: 21,
  capabilities: BETTER_AUTH_CAPABILITIES,
  start: startBetterAuthTarget,
  makeAdapter: (target) => createBetterAuthAdapter({ auth: target.app.auth, inviterId: target.operatorId }),
  harness: betterAuthHarness,
  variants: [
    { label: 'on the memory adapter' },
    ...(postgres
      ? [{ label: 'on PostgreSQL (Kysely, pg)', options: { database: 'postgres' as const } }]
      : []),
  ],
});
