import type { ConformanceHarness, HarnessContext, VendorHarnessOptions } from '@orgport/testkit';
import type { CloudOrgSimulator } from './start-cloud-org-simulator.js';

/**
 * Options of {@link cloudOrgSimulatorHarness}: the shared harness options. Start the
 * simulator with `quirks.listCaller: false`, so the credential's own account stays out of
 * member lists.
 */
export type CloudOrgHarnessOptions = VendorHarnessOptions<CloudOrgSimulator>;

/**
 * A conformance harness for cloud-org adapters over the simulator: the credential's user
 * is made an admin of every organization it seeds (as the API requires of the caller),
 * everything else is seeded and inspected through the store and removed on `close()`.
 */
export function cloudOrgSimulatorHarness(
  context: HarnessContext,
  options: CloudOrgHarnessOptions,
): ConformanceHarness {
  const { target: simulator, adapter } = options;
  const { store } = simulator;
  const made = {
    organizations: new Set<string>(),
    users: new Set<string>(),
    products: new Set<string>(),
    groups: new Set<number>(),
  };
  const organization = (id: string) => store.organizations.get(id);

  return {
    adapter,
    requestCount: () => simulator.stats.requests,
    seed: {
      async organization({ name, displayName }) {
        const created = store.addOrganization(displayName ?? name);
        store.membership(created.organizationId, simulator.callerId).isAdmin = true;
        made.organizations.add(created.organizationId);
        return { id: created.organizationId, name: created.name };
      },
      async user({ email, name }) {
        const user = store.addUser({ email, ...(name ? { fullName: name } : {}) });
        made.users.add(user.userId);
        return { id: user.userId, email: user.email, name: user.fullName };
      },
      async member(organizationId, userId, spec = {}) {
        const membership = store.membership(organizationId, userId);
        membership.isAdmin = spec.kinds?.includes('admin') ?? false;
        membership.isBillingManager = spec.kinds?.includes('billing_manager') ?? false;
        for (const grant of spec.grants ?? []) {
          if (grant.scope.type === 'product')
            membership.groups.set(grant.scope.productId, Number(grant.groupId));
        }
      },
      async members(organizationId, count, { emailPrefix }) {
        const users = [];
        for (let n = 0; n < count; n++) {
          const user = store.addUser({ email: `${emailPrefix}-${n}@example.com` });
          made.users.add(user.userId);
          store.membership(organizationId, user.userId);
          users.push({ id: user.userId, email: user.email });
        }
        return users;
      },
      async product(organizationId, { name }) {
        const product = store.addProduct(organizationId, name);
        made.products.add(product.productId);
        return { id: product.productId, organizationId, name: product.name };
      },
      async productGroup(productId, { name }) {
        const group = store.addGroup(productId, name);
        made.groups.add(group.permissionGroupId);
        const product = store.products.get(productId);
        return {
          id: String(group.permissionGroupId),
          name: group.name,
          scope: { type: 'product', productId, ...(product ? { productName: product.name } : {}) },
        };
      },
      async invitation(organizationId, { email }) {
        const product =
          [...store.products.values()].find((p) => p.organizationId === organizationId) ??
          store.addProduct(organizationId, `${context.prefix}invites`);
        made.products.add(product.productId);
        const group =
          [...store.groups.values()].find((g) => g.productId === product.productId) ??
          store.addGroup(product.productId, 'Invitees');
        made.groups.add(group.permissionGroupId);
        const invitation = store.addInvitation(email, group.permissionGroupId);
        return {
          id: invitation.invitationId,
          organizationId,
          email,
          grants: [
            {
              scope: { type: 'product', productId: product.productId, productName: product.name },
              group: { id: String(group.permissionGroupId), name: group.name },
            },
          ],
          createdAt: invitation.createdAt,
          expiresAt: invitation.expires,
        };
      },
    },
    inspect: {
      async organization(organizationId) {
        const found = organization(organizationId);
        return found && { id: found.organizationId, name: found.name };
      },
      async membership(organizationId, userId) {
        const membership = store.memberships.get(organizationId)?.get(userId);
        if (!membership) return undefined;
        return {
          kinds: [
            ...(!membership.isAdmin ? (['member'] as const) : []),
            ...(membership.isAdmin ? (['admin'] as const) : []),
            ...(membership.isBillingManager ? (['billing_manager'] as const) : []),
          ],
          groupIds: [...membership.groups.values()].map(String),
        };
      },
    },
    async close() {
      for (const organizationId of made.organizations) {
        store.organizations.delete(organizationId);
        store.memberships.delete(organizationId);
      }
      for (const productId of made.products) store.products.delete(productId);
      for (const groupId of made.groups) store.groups.delete(groupId);
      for (const userId of made.users) store.users.delete(userId);
      for (const [id, invitation] of store.invitations)
        if (made.products.has(invitation.productId)) store.invitations.delete(id);
      await adapter.close?.();
    },
  };
}
