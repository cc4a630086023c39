import type { VendorSimulator } from '@orgport/core/driver';
import { startVendorTemplateSimulator } from './start-vendor-template-simulator.js';

/** The fake VendorTemplate as the vendor registry starts it (`orgport sim vendor-template`). */
export const vendorTemplateVendorSimulator: VendorSimulator = {
  async start({ fixtures, port }) {
    const sim = await startVendorTemplateSimulator({ port });
    for (let o = 0; o < fixtures.organizations; o++) {
      const organization = sim.store.addOrganization(`organization-${o}`);
      const members = sim.store.members.get(organization.id);
      for (let m = 0; m < fixtures.membersPerOrg; m++) {
        const user = sim.store.addUser(`user-${o}-${m}@example.com`);
        members?.set(user.id, { userId: user.id, role: m === 0 ? 'admin' : 'member' });
      }
    }
    return {
      url: sim.url,
      stats: sim.stats,
      connection: { baseUrl: sim.url, apiKey: sim.apiKey },
      close: sim.close,
    };
  },
};
