import type { VendorSimulator } from '@orgport/core/driver';
import { startAuth0Simulator } from './start-auth0-simulator.js';

/** The Auth0 simulator as the vendor registry starts it (`orgport sim auth0`, the demo). */
export const auth0VendorSimulator: VendorSimulator = {
  async start({ fixtures, port }) {
    const sim = await startAuth0Simulator({ fixtures, port });
    return {
      url: sim.url,
      connection: { baseUrl: sim.url, clientId: sim.clientId, clientSecret: sim.clientSecret },
      close: sim.close,
    };
  },
};
