import type { VendorSimulator } from '@orgport/core/driver';
import { startCloudOrgSimulator } from './start-cloud-org-simulator.js';

/** The cloud-org simulator as the vendor registry starts it (`orgport sim cloud-org`, the demo). */
export const cloudOrgVendorSimulator: VendorSimulator = {
  async start({ fixtures, port }) {
    const sim = await startCloudOrgSimulator({ fixtures, port });
    return {
      url: sim.url,
      connection: { baseUrl: sim.url, username: sim.username, password: sim.password },
      close: sim.close,
    };
  },
};
