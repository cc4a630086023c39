import {
  type Adapter,
  type Capabilities,
  type Clock,
  type Connection,
  defineCapabilities,
  type GrantInput,
  type GrantScope,
  type Invitation,
  type Member,
  type MemberKind,
  OPERATIONS,
  type Organization,
  OrgPortError,
  type PermissionGrant,
  type PermissionGroup,
  systemClock,
  throwIfAborted,
} from '@orgport/core';
import type { CallOptions, ListOptions, Page } from '@orgport/core/driver';
import type { OrderedIndex } from '@orgport/simulator-kit';
import { type MemoryInvitation, type MemoryMembership, MemoryStore } from './memory-store.js';

/** Options of {@link createMemoryAdapter}. */
export interface MemoryAdapterOptions {
  /** Share or pre-seed a store; a fresh one by default. */
  readonly store?: MemoryStore;
  /** Adapter name; default `memory`. */
  readonly name?: string;
  /** Default page size; default 50. */
  readonly defaultPageSize?: number;
  /** Largest page size honoured; default 100. */
  readonly maxPageSize?: number;
  /** Time source of invitation expiry; the real clock by default. */
  readonly clock?: Clock | undefined;
}

/** The memory adapter: a complete reference adapter plus its open store. */
export interface MemoryAdapter extends Adapter {
  /** The state, for seeding and back-door inspection. */
  readonly store: MemoryStore;
}

/** Everything the memory adapter can do. */
export const MEMORY_CAPABILITIES: Capabilities = defineCapabilities({
  ...Object.fromEntries(OPERATIONS.map((operation) => [operation, true])),
  pagination: 'checkpoint',
  rolesPerMember: 'many',
  grantScopes: 'organization+product',
  memberKinds: 'native',
  consistency: 'strong',
  invitationGrants: 'many',
});

const DAY_SECONDS = 86_400;

/**
 * The reference adapter: every capability, in memory, with checkpoint paging whose
 * cursors survive concurrent writes. The facade and the conformance suite are proven
 * against it first; it is also handy in application tests.
 *
 * @example
 * ```ts
 * const adapter = createMemoryAdapter();
 * adapter.store.addUser({ id: 'u1', email: 'ada@example.com' });
 * const directory = createDirectory(adapter);
 * const org = await directory.organizations.create({ name: 'acme' });
 * await directory.members.add(org.id, ['u1']);
 * ```
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const store = options.store ?? new MemoryStore();
  const name = options.name ?? 'memory';
  const clock = options.clock ?? systemClock;
  const defaultPageSize = options.defaultPageSize ?? 50;
  const maxPageSize = options.maxPageSize ?? 100;

  const fail = (code: ConstructorParameters<typeof OrgPortError>[0], message: string): never => {
    throw new OrgPortError(code, message, { vendor: name });
  };
  const begin = async (callOptions: CallOptions): Promise<void> => {
    throwIfAborted(callOptions.signal, name);
    await Promise.resolve();
    throwIfAborted(callOptions.signal, name);
  };
  const organization = (id: string): Organization =>
    store.organizations.get(id) ?? fail('not_found', `No organization with id ${id}`);
  const user = (id: string) => store.users.get(id) ?? fail('not_found', `No user with id ${id}`);
  const membershipOf = (organizationId: string, userId: string): MemoryMembership =>
    store.memberships.get(organizationId)?.get(userId) ??
    fail('not_found', `User ${userId} is not a member of organization ${organizationId}`);

  const pageSize = (listOptions: ListOptions): number =>
    Math.min(maxPageSize, Math.max(1, listOptions.pageSize ?? defaultPageSize));
  const decodeCursor = (cursor: string | undefined): number => {
    if (cursor === undefined) return 0;
    const match = /^m:(\d+)$/.exec(cursor);
    return match ? Number(match[1]) : fail('invalid_argument', `Malformed cursor: ${cursor}`);
  };
  const pageOf = <T>(
    index: OrderedIndex | undefined,
    listOptions: ListOptions,
    map: (key: string) => T,
  ): Page<T> => {
    if (!index) return { items: [] };
    const { keys, last } = index.page(decodeCursor(listOptions.cursor), pageSize(listOptions));
    const items = keys.map(map);
    return index.hasAfter(last) ? { items, next: `m:${last}` } : { items };
  };

  /** A page of an in-memory array; the cursor is the offset (these lists are short). */
  const slicePage = <T>(all: readonly T[], listOptions: ListOptions): Page<T> => {
    const start = decodeCursor(listOptions.cursor);
    const size = pageSize(listOptions);
    const items = all.slice(start, start + size);
    return start + size < all.length ? { items, next: `m:${start + size}` } : { items };
  };

  const grantsOf = (membership: MemoryMembership): PermissionGrant[] => {
    const grants: PermissionGrant[] = [];
    for (const roleId of membership.roleIds) {
      const role = store.roles.get(roleId);
      if (role) grants.push({ scope: { type: 'organization' }, group: { id: role.id, name: role.name } });
    }
    for (const [productId, groupId] of membership.productGroups) {
      const product = store.products.get(productId);
      const group = store.productGroups.get(groupId);
      if (product && group) {
        grants.push({
          scope: { type: 'product', productId, productName: product.name },
          group: { id: group.id, name: group.name },
        });
      }
    }
    return grants;
  };

  const memberOf = (organizationId: string, userId: string): Member => {
    const membership = membershipOf(organizationId, userId);
    const stored = store.users.get(userId) ?? { id: userId };
    return {
      user: { ...stored },
      organizationId,
      kinds: [...membership.kinds].sort(),
      roles: [...membership.roleIds].flatMap((roleId) => {
        const role = store.roles.get(roleId);
        return role ? [{ ...role }] : [];
      }),
      grants: grantsOf(membership),
    };
  };

  const resolveGrant = (organizationId: string, grant: GrantInput): void => {
    if (grant.scope.type === 'organization') {
      if (!store.roles.has(grant.groupId)) fail('not_found', `No role with id ${grant.groupId}`);
      return;
    }
    const product = store.products.get(grant.scope.productId);
    if (!product || product.organizationId !== organizationId) {
      fail('not_found', `No product ${grant.scope.productId} in organization ${organizationId}`);
    }
    const group = store.productGroups.get(grant.groupId);
    if (!group || group.productId !== grant.scope.productId) {
      fail('not_found', `No permission group ${grant.groupId} in product ${grant.scope.productId}`);
    }
  };

  const kindPort = (kind: MemberKind) => ({
    async list(organizationId: string, listOptions: ListOptions): Promise<Page<Member>> {
      await begin(listOptions);
      organization(organizationId);
      const members = store.memberships.get(organizationId);
      const holders = [...(members?.entries() ?? [])].filter(([, record]) => record.kinds.has(kind));
      const page = slicePage(holders, listOptions);
      return { ...page, items: page.items.map(([userId]) => memberOf(organizationId, userId)) };
    },
    async grant(organizationId: string, userId: string, callOptions: CallOptions): Promise<void> {
      await begin(callOptions);
      organization(organizationId);
      user(userId);
      membershipOf(organizationId, userId).kinds.add(kind);
    },
    async revoke(organizationId: string, userId: string, callOptions: CallOptions): Promise<void> {
      await begin(callOptions);
      organization(organizationId);
      const record = store.memberships.get(organizationId)?.get(userId);
      if (!record) return;
      record.kinds.delete(kind);
      if (record.kinds.size === 0) store.removeMembership(organizationId, userId);
    },
  });

  const toInvitation = (invitation: MemoryInvitation): Invitation => ({
    id: invitation.id,
    organizationId: invitation.organizationId,
    email: invitation.email,
    ...(invitation.inviterName !== undefined ? { inviterName: invitation.inviterName } : {}),
    grants: invitation.grants.map((grant) => {
      if (grant.scope.type === 'organization') {
        const role = store.roles.get(grant.groupId);
        return { scope: { type: 'organization' }, group: { id: grant.groupId, name: role?.name ?? '' } };
      }
      const group = store.productGroups.get(grant.groupId);
      const product = store.products.get(grant.scope.productId);
      const scope: GrantScope = {
        type: 'product',
        productId: grant.scope.productId,
        ...(product ? { productName: product.name } : {}),
      };
      return { scope, group: { id: grant.groupId, name: group?.name ?? '' } };
    }),
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
    expired: Date.parse(invitation.expiresAt) <= clock.now(),
  });

  const enabledConnection = (organizationId: string, connectionId: string): Connection =>
    store.enabledConnections.get(organizationId)?.get(connectionId) ??
    fail('not_found', `Connection ${connectionId} is not enabled for organization ${organizationId}`);

  return {
    name,
    capabilities: MEMORY_CAPABILITIES,
    store,
    organizations: {
      async list(listOptions) {
        await begin(listOptions);
        return pageOf(store.organizationOrder, listOptions, (id) => ({ ...organization(id) }));
      },
      async get(organizationId, callOptions) {
        await begin(callOptions);
        return { ...organization(organizationId) };
      },
      async getByName(orgName, callOptions) {
        await begin(callOptions);
        for (const candidate of store.organizations.values())
          if (candidate.name === orgName) return { ...candidate };
        return fail('not_found', `No organization named ${orgName}`);
      },
      async create(input, callOptions) {
        await begin(callOptions);
        for (const candidate of store.organizations.values()) {
          if (candidate.name === input.name)
            fail('already_exists', `An organization named ${input.name} already exists`);
        }
        return { ...store.addOrganization({ id: store.nextId('org'), ...input }) };
      },
      async update(organizationId, input, callOptions) {
        await begin(callOptions);
        const current = organization(organizationId);
        if (input.name !== undefined && input.name !== current.name) {
          for (const candidate of store.organizations.values()) {
            if (candidate.name === input.name)
              fail('already_exists', `An organization named ${input.name} already exists`);
          }
        }
        const updated = { ...current, ...input };
        store.organizations.set(organizationId, updated);
        return { ...updated };
      },
      async delete(organizationId, callOptions) {
        await begin(callOptions);
        organization(organizationId);
        store.deleteOrganization(organizationId);
      },
    },
    members: {
      async list(organizationId, listOptions) {
        await begin(listOptions);
        organization(organizationId);
        return pageOf(store.memberOrder.get(organizationId), listOptions, (userId) =>
          memberOf(organizationId, userId),
        );
      },
      async add(organizationId, userIds, callOptions) {
        await begin(callOptions);
        organization(organizationId);
        for (const userId of userIds) user(userId);
        for (const userId of userIds) store.membership(organizationId, userId).kinds.add('member');
      },
      async remove(organizationId, userIds, callOptions) {
        await begin(callOptions);
        organization(organizationId);
        for (const userId of userIds) store.removeMembership(organizationId, userId);
      },
      async organizationsOf(userId, listOptions) {
        await begin(listOptions);
        user(userId);
        const ids = store.organizationOrder.keys().filter((id) => store.memberships.get(id)?.has(userId));
        return slicePage(
          ids.map((id) => ({ ...organization(id) })),
          listOptions,
        );
      },
    },
    admins: kindPort('admin'),
    billingManagers: kindPort('billing_manager'),
    permissions: {
      async groups(scope, listOptions) {
        await begin(listOptions);
        const groups: PermissionGroup[] = [];
        if (scope === undefined || scope.type === 'organization') {
          for (const role of store.roles.values()) {
            groups.push({
              id: role.id,
              name: role.name,
              scope: { type: 'organization' },
              ...(role.description ? { description: role.description } : {}),
            });
          }
        }
        if (scope?.type === 'product' && !store.products.has(scope.productId)) {
          fail('not_found', `No product with id ${scope.productId}`);
        }
        if (scope === undefined || scope.type === 'product') {
          for (const group of store.productGroups.values()) {
            if (scope?.type === 'product' && group.productId !== scope.productId) continue;
            const product = store.products.get(group.productId);
            groups.push({
              id: group.id,
              name: group.name,
              scope: {
                type: 'product',
                productId: group.productId,
                ...(product ? { productName: product.name } : {}),
              },
            });
          }
        }
        return slicePage(groups, listOptions);
      },
      async grants(organizationId, userId, callOptions) {
        await begin(callOptions);
        organization(organizationId);
        return grantsOf(membershipOf(organizationId, userId));
      },
      async set(organizationId, userId, grants, callOptions) {
        await begin(callOptions);
        organization(organizationId);
        const record = membershipOf(organizationId, userId);
        const products = new Set<string>();
        for (const grant of grants) {
          resolveGrant(organizationId, grant);
          if (grant.scope.type === 'product') {
            if (products.has(grant.scope.productId)) {
              fail('invalid_argument', `grants: more than one group for product ${grant.scope.productId}`);
            }
            products.add(grant.scope.productId);
          }
        }
        record.roleIds.clear();
        record.productGroups.clear();
        for (const grant of grants) {
          if (grant.scope.type === 'organization') record.roleIds.add(grant.groupId);
          else record.productGroups.set(grant.scope.productId, grant.groupId);
        }
      },
      async grant(organizationId, userId, grants, callOptions) {
        await begin(callOptions);
        organization(organizationId);
        const record = membershipOf(organizationId, userId);
        for (const grant of grants) resolveGrant(organizationId, grant);
        for (const grant of grants) {
          if (grant.scope.type === 'organization') record.roleIds.add(grant.groupId);
          else record.productGroups.set(grant.scope.productId, grant.groupId);
        }
      },
      async revoke(organizationId, userId, grants, callOptions) {
        await begin(callOptions);
        organization(organizationId);
        const record = store.memberships.get(organizationId)?.get(userId);
        if (!record) return;
        for (const grant of grants) {
          if (grant.scope.type === 'organization') record.roleIds.delete(grant.groupId);
          else if (record.productGroups.get(grant.scope.productId) === grant.groupId) {
            record.productGroups.delete(grant.scope.productId);
          }
        }
      },
    },
    invitations: {
      async list(organizationId, listOptions) {
        await begin(listOptions);
        organization(organizationId);
        const all = [...(store.invitations.get(organizationId)?.values() ?? [])];
        return slicePage(all.map(toInvitation), listOptions);
      },
      async get(organizationId, invitationId, callOptions) {
        await begin(callOptions);
        organization(organizationId);
        const invitation =
          store.invitations.get(organizationId)?.get(invitationId) ??
          fail('not_found', `No invitation with id ${invitationId}`);
        return toInvitation(invitation);
      },
      async create(organizationId, input, callOptions) {
        await begin(callOptions);
        organization(organizationId);
        for (const grant of input.grants ?? []) resolveGrant(organizationId, grant);
        const created = new Date(clock.now());
        const invitation: MemoryInvitation = {
          id: store.nextId('inv'),
          organizationId,
          email: input.email,
          inviterName: input.inviterName,
          grants: (input.grants ?? []).map((grant) => ({
            scope:
              grant.scope.type === 'organization'
                ? { type: 'organization' }
                : { type: 'product', productId: grant.scope.productId },
            groupId: grant.groupId,
          })),
          createdAt: created.toISOString(),
          expiresAt: new Date(created.getTime() + (input.ttlSeconds ?? 7 * DAY_SECONDS) * 1000).toISOString(),
        };
        let invitations = store.invitations.get(organizationId);
        if (!invitations) {
          invitations = new Map();
          store.invitations.set(organizationId, invitations);
        }
        invitations.set(invitation.id, invitation);
        return toInvitation(invitation);
      },
      async delete(organizationId, invitationId, callOptions) {
        await begin(callOptions);
        organization(organizationId);
        const invitations = store.invitations.get(organizationId);
        if (!invitations?.delete(invitationId)) fail('not_found', `No invitation with id ${invitationId}`);
      },
    },
    connections: {
      async list(organizationId, listOptions) {
        await begin(listOptions);
        organization(organizationId);
        const all = [...(store.enabledConnections.get(organizationId)?.values() ?? [])];
        return slicePage(
          all.map((connection) => ({ ...connection })),
          listOptions,
        );
      },
      async get(organizationId, connectionId, callOptions) {
        await begin(callOptions);
        organization(organizationId);
        return { ...enabledConnection(organizationId, connectionId) };
      },
      async enable(organizationId, connectionId, settings, callOptions) {
        await begin(callOptions);
        organization(organizationId);
        const tenant =
          store.tenantConnections.get(connectionId) ??
          fail('not_found', `No connection with id ${connectionId}`);
        let enabled = store.enabledConnections.get(organizationId);
        if (!enabled) {
          enabled = new Map();
          store.enabledConnections.set(organizationId, enabled);
        }
        if (enabled.has(connectionId))
          fail('already_exists', `Connection ${connectionId} is already enabled`);
        const connection: Connection = {
          id: tenant.id,
          name: tenant.name,
          strategy: tenant.strategy,
          assignMembershipOnLogin: settings.assignMembershipOnLogin ?? false,
          showAsButton: settings.showAsButton ?? true,
          ...(settings.isSignupEnabled !== undefined ? { isSignupEnabled: settings.isSignupEnabled } : {}),
        };
        enabled.set(connectionId, connection);
        return { ...connection };
      },
      async update(organizationId, connectionId, settings, callOptions) {
        await begin(callOptions);
        organization(organizationId);
        const updated = { ...enabledConnection(organizationId, connectionId), ...settings };
        store.enabledConnections.get(organizationId)?.set(connectionId, updated);
        return { ...updated };
      },
      async disable(organizationId, connectionId, callOptions) {
        await begin(callOptions);
        organization(organizationId);
        enabledConnection(organizationId, connectionId);
        store.enabledConnections.get(organizationId)?.delete(connectionId);
      },
    },
    clientGrants: {
      async list(organizationId, listOptions) {
        await begin(listOptions);
        organization(organizationId);
        const ids = [...(store.organizationClientGrants.get(organizationId) ?? [])];
        return slicePage(
          ids.flatMap((grantId) => store.clientGrants.get(grantId) ?? []),
          listOptions,
        );
      },
      async associate(organizationId, grantId, callOptions) {
        await begin(callOptions);
        organization(organizationId);
        const grant =
          store.clientGrants.get(grantId) ?? fail('not_found', `No client grant with id ${grantId}`);
        let associated = store.organizationClientGrants.get(organizationId);
        if (!associated) {
          associated = new Set();
          store.organizationClientGrants.set(organizationId, associated);
        }
        if (associated.has(grantId)) fail('already_exists', `Client grant ${grantId} is already associated`);
        associated.add(grantId);
        return { ...grant };
      },
      async remove(organizationId, grantId, callOptions) {
        await begin(callOptions);
        organization(organizationId);
        if (!store.organizationClientGrants.get(organizationId)?.delete(grantId)) {
          fail('not_found', `Client grant ${grantId} is not associated with organization ${organizationId}`);
        }
      },
    },
    users: {
      async findByEmail(email, callOptions) {
        await begin(callOptions);
        const wanted = email.toLowerCase();
        for (const candidate of store.users.values())
          if (candidate.email?.toLowerCase() === wanted) return { ...candidate };
        return undefined;
      },
    },
    products: {
      async list(organizationId, listOptions) {
        await begin(listOptions);
        organization(organizationId);
        const all = [...store.products.values()].filter(
          (product) => product.organizationId === organizationId,
        );
        return slicePage(
          all.map((product) => ({ ...product })),
          listOptions,
        );
      },
    },
  };
}
