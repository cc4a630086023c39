import type { Fixtures } from '@orgport/simulator-kit';
import type { CloudOrgStore } from './cloud-org-store.js';

/**
 * Fills a cloud-org store from fixtures: organizations (with `callerId` as an admin of
 * each), products with their permission groups, users, admins, billing managers and one
 * group per product the member has access to. Organization-wide roles have no home on
 * this vendor and are not seeded.
 */
export function seedCloudOrgStore(store: CloudOrgStore, data: Fixtures, callerId: string): void {
  const userIds = new Map<number, string>();
  for (const fixture of data.organizations()) {
    const organization = store.addOrganization(fixture.displayName);
    const caller = store.membership(organization.organizationId, callerId);
    caller.isAdmin = true;
    const products = data.products(fixture.index).map((spec) => {
      const product = store.addProduct(organization.organizationId, spec.name);
      const groups = new Map(
        spec.groups.map((name) => [
          name,
          store.addGroup(product.productId, name, name === 'Developers' ? { accessType: 'full' } : {})
            .permissionGroupId,
        ]),
      );
      return { product, groups };
    });
    for (const member of data.members(fixture.index)) {
      let userId = userIds.get(member.user.index);
      if (userId === undefined) {
        userId = store.addUser({
          userId: `u${member.user.key}`,
          email: member.user.email,
          fullName: member.user.name,
        }).userId;
        userIds.set(member.user.index, userId);
      }
      const membership = store.membership(organization.organizationId, userId);
      membership.isAdmin = member.kinds.includes('admin');
      membership.isBillingManager = member.kinds.includes('billing_manager');
      for (const { productIndex, group } of member.productGroups) {
        const entry = products[productIndex];
        const groupId = entry?.groups.get(group);
        if (entry && groupId !== undefined) membership.groups.set(entry.product.productId, groupId);
      }
    }
  }
}
