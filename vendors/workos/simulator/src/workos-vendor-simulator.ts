import { OrgPortError } from '@orgport/core';
import type { VendorSimulator } from '@orgport/core/driver';
import { fixtures as makeFixtures } from '@orgport/simulator-kit';
import { startWorkOSSimulator } from './start-workos-simulator.js';

/**
 * The WorkOS simulator as the vendor registry starts it (`orgport sim workos`): the
 * fixtures as a tenant, organizations named by external id, the fixture roles as
 * environment roles, admins holding the admin role (one role per membership: an admin's
 * other roles are not kept, as on WorkOS).
 */
export const workosVendorSimulator: VendorSimulator = {
  async start({ fixtures, port, preset }) {
    if (preset === 'half-onboarded')
      throw new OrgPortError('unsupported', 'the WorkOS simulator has no half-onboarded preset');
    const sim = await startWorkOSSimulator({ port, rateLimits: false });
    const data = makeFixtures(fixtures);
    for (const role of data.roles) sim.store.addRole({ slug: role, name: role });
    const users = new Map<string, string>();
    for (const org of data.organizations()) {
      const created = sim.store.addOrganization({ name: org.displayName, external_id: org.name });
      for (const member of data.members(org.index)) {
        let userId = users.get(member.user.email);
        if (!userId) {
          const [first, ...rest] = member.user.name.split(' ');
          userId = sim.store.addUser({
            email: member.user.email,
            first_name: first,
            last_name: rest.join(' '),
          }).id;
          users.set(member.user.email, userId);
        }
        const role = member.kinds.includes('admin') ? 'admin' : (member.roles[0] ?? 'member');
        sim.store.addMembership(created.id, userId, [role]);
      }
    }
    return {
      url: sim.url,
      stats: sim.stats,
      connection: { baseUrl: sim.url, apiKey: sim.apiKeys[0] as string },
      close: sim.close,
    };
  },
};
