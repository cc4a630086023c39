import { OrgPortError } from '@orgport/core';
import type { VendorSimulator } from '@orgport/core/driver';
import { startAuth0Simulator } from './start-auth0-simulator.js';

/** The Auth0 simulator as the vendor registry starts it (`orgport sim auth0`, the demo). */
export const auth0VendorSimulator: VendorSimulator = {
  async start({ fixtures, port, preset }) {
    if (preset !== undefined && preset !== 'tenant')
      throw new OrgPortError('unsupported', `the Auth0 simulator has no '${preset}' preset`);
    const sim = await startAuth0Simulator({ seed: fixtures.seed, fixtures, port });
    return {
      url: sim.url,
      stats: sim.stats,
      connection: { baseUrl: sim.url, clientId: sim.clientId, clientSecret: sim.clientSecret },
      close: sim.close,
    };
  },
};
