import { OrgPortError } from '@orgport/core';
import type { VendorSimulator } from '@orgport/core/driver';
import { fixtures as makeFixtures } from '@orgport/simulator-kit/fixtures';
import { SAMPLE_APP_MODULE, startSampleApp } from './sample-app.js';

/**
 * Better Auth's stand-in for a simulator: a real Better Auth app on its memory database in
 * this process (the demo's target). With the `half-onboarded` preset nine in ten of the
 * fixture people have signed up (users, no organizations yet). It serves nothing, so
 * `orgport sim better-auth` (which asks for a port) is refused: point a connection at your
 * app's module instead.
 */
export const betterAuthSampleSimulator: VendorSimulator = {
  async start({ fixtures, port, preset }) {
    if (port !== undefined)
      throw new OrgPortError(
        'unsupported',
        "better-auth runs inside the application, so there is no server to start: name your app's auth module in a better-auth connection (config)",
        { vendor: 'better-auth' },
      );
    if (preset !== 'half-onboarded')
      throw new OrgPortError('unsupported', 'the Better Auth sample app starts half-onboarded only', {
        vendor: 'better-auth',
      });
    const app = startSampleApp();
    const context = await app.$context;
    const user = async (email: string, name: string) =>
      (await context.internalAdapter.createUser({ email, name, emailVerified: true }, { method: 'admin' }))
        .id;
    const operator = await user('operator@sample-app.test', 'orgport operator');
    const data = makeFixtures(fixtures);
    for (let index = 0; index < fixtures.organizations; index++)
      for (const member of data.members(index))
        if (
          member.memberIndex % 10 !== 9 &&
          !(await context.internalAdapter.findUserByEmail(member.user.email))
        )
          await user(member.user.email, member.user.name);
    return {
      url: 'in-process:better-auth-sample-app',
      stats: { requests: 0, writes: 0 },
      connection: { config: SAMPLE_APP_MODULE, inviterId: operator },
      close: async () => undefined,
    };
  },
};
