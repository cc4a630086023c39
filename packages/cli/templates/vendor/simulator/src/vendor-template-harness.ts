import type { ConformanceHarness, HarnessContext, VendorHarnessOptions } from '@orgport/testkit';
import type { VendorTemplateSimulator } from './start-vendor-template-simulator.js';

/**
 * A conformance harness over the fake VendorTemplate: seeds and inspects through its
 * store, and on `close()` removes what it seeded.
 */
export function vendorTemplateHarness(
  _context: HarnessContext,
  options: VendorHarnessOptions<VendorTemplateSimulator>,
): ConformanceHarness {
  const { target: simulator, adapter } = options;
  const { store } = simulator;
  const made = { organizations: new Set<string>(), users: new Set<string>() };
  return {
    adapter,
    requestCount: () => simulator.stats.requests,
    seed: {
      async organization({ name, displayName }) {
        const organization = store.addOrganization(name, displayName);
        made.organizations.add(organization.id);
        return { id: organization.id, name, ...(displayName ? { displayName } : {}) };
      },
      async user({ email, name }) {
        const user = store.addUser(email, name);
        made.users.add(user.id);
        return user;
      },
      async member(organizationId, userId, spec = {}) {
        const role = spec.kinds?.includes('admin') ? 'admin' : 'member';
        store.members.get(organizationId)?.set(userId, { userId, role });
      },
      async members(organizationId, count, { emailPrefix }) {
        const users = [];
        for (let n = 0; n < count; n++) {
          const user = store.addUser(`${emailPrefix}-${n}@example.com`);
          made.users.add(user.id);
          store.members.get(organizationId)?.set(user.id, { userId: user.id, role: 'member' });
          users.push(user);
        }
        return users;
      },
    },
    inspect: {
      async organization(id) {
        const organization = store.organizations.get(id);
        return organization && { id, name: organization.name, displayName: organization.display_name };
      },
      async membership(organizationId, userId) {
        const member = store.members.get(organizationId)?.get(userId);
        if (!member) return undefined;
        return { kinds: member.role === 'admin' ? ['member', 'admin'] : ['member'], groupIds: [] };
      },
    },
    async close() {
      for (const id of made.organizations) {
        store.organizations.delete(id);
        store.members.delete(id);
      }
      for (const id of made.users) store.users.delete(id);
      await adapter.close?.();
    },
  };
}
