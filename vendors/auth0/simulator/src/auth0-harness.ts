import type { ConformanceHarness, HarnessContext, VendorHarnessOptions } from '@orgport/testkit';
import type { Auth0Simulator } from './start-auth0-simulator.js';

/** Options of {@link auth0SimulatorHarness}: the shared harness options, and the kind roles. */
export interface Auth0HarnessOptions extends VendorHarnessOptions<Auth0Simulator> {
  /** Role names the adapter maps to kinds. Default `admin` and `billing_manager`. */
  readonly kindRoles?: { readonly admin: string; readonly billing_manager: string };
}

/**
 * A conformance harness for Auth0 adapters over the simulator: seeds through the store,
 * inspects it as the back door, counts requests from the simulator's statistics, and on
 * `close()` removes what it seeded.
 */
export function auth0SimulatorHarness(
  context: HarnessContext,
  options: Auth0HarnessOptions,
): ConformanceHarness {
  const { target: simulator, adapter } = options;
  const { store } = simulator;
  const kindRoles = options.kindRoles ?? { admin: 'admin', billing_manager: 'billing_manager' };
  const made = {
    organizations: new Set<string>(),
    users: new Set<string>(),
    roles: new Set<string>(),
    connections: new Set<string>(),
    grants: new Set<string>(),
  };
  const roleNamed = (name: string) =>
    [...store.roles.values()].find((role) => role.name === name)?.id ??
    store.addRole(name, `${name} (kind role)`).id;
  let counter = 0;

  return {
    adapter,
    eventualMs: 2000,
    requestCount: () => simulator.stats.requests,
    seed: {
      async organization({ name, displayName }) {
        const organization = store.addOrganization({
          name,
          ...(displayName ? { display_name: displayName } : {}),
        });
        made.organizations.add(organization.id);
        return { id: organization.id, name, ...(displayName ? { displayName } : {}) };
      },
      async user({ email, name }) {
        const user = store.addUser({ email, ...(name ? { name } : {}) });
        made.users.add(user.user_id);
        return { id: user.user_id, email: user.email, name: user.name };
      },
      async member(organizationId, userId, spec = {}) {
        store.addMember(organizationId, userId);
        const roles = store.rolesOf(organizationId, userId);
        for (const kind of spec.kinds ?? []) {
          if (kind !== 'member') roles.add(roleNamed(kindRoles[kind]));
        }
        for (const grant of spec.grants ?? []) roles.add(grant.groupId);
      },
      async members(organizationId, count, { emailPrefix }) {
        const users = [];
        for (let n = 0; n < count; n++) {
          const user = store.addUser({ email: `${emailPrefix}-${n}@example.com` });
          made.users.add(user.user_id);
          store.addMember(organizationId, user.user_id);
          users.push({ id: user.user_id, email: user.email });
        }
        return users;
      },
      async role({ name }) {
        const role = store.addRole(name);
        made.roles.add(role.id);
        return { id: role.id, name: role.name, scope: { type: 'organization' } };
      },
      async connection({ name }) {
        const connection = store.addConnection(name, 'auth0');
        made.connections.add(connection.id);
        return { id: connection.id };
      },
      async clientGrant({ audience }) {
        const grant = store.addClientGrant({
          client_id: `${context.prefix}client-${++counter}`,
          audience,
          scope: ['read:things'],
          organization_usage: 'allow',
          allow_any_organization: false,
        });
        made.grants.add(grant.id);
        return { id: grant.id };
      },
    },
    inspect: {
      async organization(organizationId) {
        const organization = store.organizations.get(organizationId);
        return (
          organization && {
            id: organization.id,
            name: organization.name,
            displayName: organization.display_name,
          }
        );
      },
      async membership(organizationId, userId) {
        if (!store.isMember(organizationId, userId)) return undefined;
        const roleIds = [...store.rolesOf(organizationId, userId)];
        const names = roleIds.map((id) => store.roles.get(id)?.name);
        const kinds = ['member' as const];
        return {
          kinds: [
            ...kinds,
            ...(names.includes(kindRoles.admin) ? (['admin'] as const) : []),
            ...(names.includes(kindRoles.billing_manager) ? (['billing_manager'] as const) : []),
          ],
          groupIds: roleIds.filter((id) => {
            const name = store.roles.get(id)?.name;
            return name !== kindRoles.admin && name !== kindRoles.billing_manager;
          }),
        };
      },
    },
    async close() {
      for (const organizationId of made.organizations) store.deleteOrganization(organizationId);
      for (const userId of made.users) {
        for (const organizationId of store.organizationsOf(userId))
          store.removeMember(organizationId, userId);
        store.users.delete(userId);
      }
      for (const roleId of made.roles) store.roles.delete(roleId);
      for (const connectionId of made.connections) store.connections.delete(connectionId);
      for (const grantId of made.grants) store.clientGrants.delete(grantId);
      await adapter.close?.();
    },
  };
}
