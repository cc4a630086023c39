import { fileURLToPath } from 'node:url';
import { betterAuth } from 'better-auth';
import { memoryAdapter } from 'better-auth/adapters/memory';
import { createAccessControl } from 'better-auth/plugins/access';
import { organization } from 'better-auth/plugins/organization';
import { adminAc, defaultStatements, memberAc, ownerAc } from 'better-auth/plugins/organization/access';
import type { BetterAuthInstance } from '../better-auth-instance.js';

const ac = createAccessControl(defaultStatements);

/** A small Better Auth app on its memory database, as an application would write one. */
function sampleAuth() {
  return betterAuth({
    database: memoryAdapter({
      user: [],
      session: [],
      account: [],
      verification: [],
      organization: [],
      member: [],
      invitation: [],
    }),
    secret: 'orgport-sample-app-secret-not-for-production',
    baseURL: 'http://127.0.0.1:3000',
    telemetry: { enabled: false },
    logger: { disabled: true },
    plugins: [
      organization({
        ac,
        roles: {
          owner: ownerAc,
          admin: adminAc,
          member: memberAc,
          billing_manager: ac.newRole({}),
          viewer: ac.newRole({}),
          editor: ac.newRole({}),
          developer: ac.newRole({}),
          support: ac.newRole({}),
        },
        // Better Auth's defaults are 100 members and 100 pending invitations per organization.
        membershipLimit: 100_000,
        invitationLimit: 100_000,
      }),
    ],
  });
}

/**
 * The sample app's current instance: this module is the app module a `better-auth`
 * connection names (`config`), so the adapter loads the instance `startSampleApp` made.
 */
export let auth: BetterAuthInstance | undefined;

/** This module's file: the `config` of a connection to the sample app. */
export const SAMPLE_APP_MODULE = fileURLToPath(import.meta.url);

/** Starts a fresh sample app (an empty memory database) and returns it. */
export function startSampleApp(): ReturnType<typeof sampleAuth> {
  const instance = sampleAuth();
  auth = instance;
  return instance;
}
