import type { Fixtures } from '@orgport/simulator-kit';
import type { CloudOrgSimulator } from './start-cloud-org-simulator.js';

/**
 * A cloud-org account as a company halfway through onboarding from another vendor would
 * have it (the demo's target, and the migration tests'):
 * the same organizations and products with their permission groups, and most people
 * already there as members — without any groups or organization roles yet. Every tenth
 * person is missing and will be invited.
 */
export function seedHalfOnboarded(sim: CloudOrgSimulator, data: Fixtures): void {
  const { store } = sim;
  const users = new Map<string, string>();
  for (const fixture of data.organizations()) {
    const organization = store.addOrganization(fixture.displayName);
    store.membership(organization.organizationId, sim.callerId).isAdmin = true;
    for (const spec of data.products(fixture.index)) {
      const product = store.addProduct(organization.organizationId, spec.name);
      for (const group of spec.groups)
        store.addGroup(product.productId, group, group === 'Developers' ? { accessType: 'full' } : {});
    }
    for (const member of data.members(fixture.index)) {
      if (member.user.index % 10 === 9) continue;
      let userId = users.get(member.user.email);
      if (!userId) {
        userId = store.addUser({ email: member.user.email, fullName: member.user.name }).userId;
        users.set(member.user.email, userId);
      }
      store.membership(organization.organizationId, userId);
    }
  }
}
