import type { ConformanceHarness, HarnessContext } from '../conformance/harness.js';
import { createMemoryAdapter, type MemoryAdapter } from './create-memory-adapter.js';
import type { MemoryStore } from './memory-store.js';

/** Options of {@link memoryHarness}. */
export interface MemoryHarnessOptions {
  /** Share one store between harnesses (tests then rely on prefixes and cleanup). */
  readonly store?: MemoryStore | undefined;
  /** Wraps the adapter, e.g. to test a decorator or a deliberately broken variant. */
  readonly wrap?: ((adapter: MemoryAdapter) => ConformanceHarness['adapter']) | undefined;
}

/**
 * A conformance harness over the memory adapter: seeds straight into the store, inspects
 * it as the back door, and on `close()` removes exactly what it seeded.
 */
export function memoryHarness(
  context: HarnessContext,
  options: MemoryHarnessOptions = {},
): ConformanceHarness {
  const memory = createMemoryAdapter(options.store ? { store: options.store } : {});
  const { store } = memory;
  const made = {
    organizations: new Set<string>(),
    users: new Set<string>(),
    roles: new Set<string>(),
    products: new Set<string>(),
    groups: new Set<string>(),
    connections: new Set<string>(),
    clientGrants: new Set<string>(),
  };
  const id = (kind: string) => `${context.prefix}${store.nextId(kind)}`;

  return {
    adapter: options.wrap ? options.wrap(memory) : memory,
    // No requests: "before any request" means before any call into the adapter's ports.
    requestCount: 'in-process',
    seed: {
      async organization(spec) {
        const organization = store.addOrganization({ id: id('org'), ...spec });
        made.organizations.add(organization.id);
        return organization;
      },
      async user(spec) {
        const user = store.addUser({ id: id('user'), ...spec });
        made.users.add(user.id);
        return user;
      },
      async member(organizationId, userId, spec = {}) {
        const record = store.membership(organizationId, userId);
        for (const kind of spec.kinds ?? ['member']) record.kinds.add(kind);
        for (const grant of spec.grants ?? []) {
          if (grant.scope.type === 'organization') record.roleIds.add(grant.groupId);
          else record.productGroups.set(grant.scope.productId, grant.groupId);
        }
      },
      async members(organizationId, count, spec) {
        const users = [];
        for (let n = 0; n < count; n++) {
          const user = store.addUser({ id: id('user'), email: `${spec.emailPrefix}-${n}@example.com` });
          made.users.add(user.id);
          store.membership(organizationId, user.id).kinds.add('member');
          users.push(user);
        }
        return users;
      },
      async role(spec) {
        const role = store.addRole({ id: id('rol'), name: spec.name });
        made.roles.add(role.id);
        return { id: role.id, name: role.name, scope: { type: 'organization' } };
      },
      async product(organizationId, spec) {
        const product = store.addProduct({ id: id('prd'), organizationId, name: spec.name });
        made.products.add(product.id);
        return product;
      },
      async productGroup(productId, spec) {
        const group = store.addProductGroup({ id: id('grp'), productId, name: spec.name });
        made.groups.add(group.id);
        const product = store.products.get(productId);
        return {
          id: group.id,
          name: group.name,
          scope: { type: 'product', productId, ...(product ? { productName: product.name } : {}) },
        };
      },
      async connection(spec) {
        const connection = store.addTenantConnection({ id: id('con'), name: spec.name, strategy: 'auth0' });
        made.connections.add(connection.id);
        return connection;
      },
      async clientGrant(spec) {
        const grant = {
          id: id('cgr'),
          clientId: `${context.prefix}client`,
          audience: spec.audience,
          scope: ['read:things'],
        };
        store.clientGrants.set(grant.id, grant);
        made.clientGrants.add(grant.id);
        return grant;
      },
    },
    inspect: {
      async organization(organizationId) {
        return store.organizations.get(organizationId);
      },
      async membership(organizationId, userId) {
        const record = store.memberships.get(organizationId)?.get(userId);
        if (!record) return undefined;
        return { kinds: [...record.kinds], groupIds: [...record.roleIds, ...record.productGroups.values()] };
      },
    },
    async close() {
      for (const organizationId of made.organizations) store.deleteOrganization(organizationId);
      for (const userId of made.users) {
        store.users.delete(userId);
        for (const organizationId of store.memberships.keys()) store.removeMembership(organizationId, userId);
      }
      for (const roleId of made.roles) store.roles.delete(roleId);
      for (const productId of made.products) store.products.delete(productId);
      for (const groupId of made.groups) store.productGroups.delete(groupId);
      for (const connectionId of made.connections) store.tenantConnections.delete(connectionId);
      for (const grantId of made.clientGrants) store.clientGrants.delete(grantId);
    },
  };
}
