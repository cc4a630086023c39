import type { ClientGrant, Connection, MemberKind, Organization, Product, Role, User } from '@orgport/core';
import { OrderedIndex } from '@orgport/simulator-kit';

/** One membership as the memory adapter stores it. */
export interface MemoryMembership {
  /** Kinds held; `member` for ordinary membership. */
  readonly kinds: Set<MemberKind>;
  /** Organization-scope role ids. */
  readonly roleIds: Set<string>;
  /** Product id → the one permission group id held in that product. */
  readonly productGroups: Map<string, string>;
}

/** A product permission group as the memory adapter stores it. */
export interface MemoryProductGroup {
  readonly id: string;
  readonly name: string;
  readonly productId: string;
}

/** A tenant-level login connection that organizations can enable. */
export interface MemoryTenantConnection {
  readonly id: string;
  readonly name: string;
  readonly strategy: string;
}

/** A stored invitation. */
export interface MemoryInvitation {
  readonly id: string;
  readonly organizationId: string;
  readonly email: string;
  readonly inviterName?: string | undefined;
  readonly grants: readonly {
    scope: { type: 'organization' } | { type: 'product'; productId: string };
    groupId: string;
  }[];
  readonly createdAt: string;
  readonly expiresAt: string;
}

/**
 * The memory adapter's state, open for seeding and back-door inspection in tests. Every
 * map is plain data; the adapter never hands out references to it.
 */
export class MemoryStore {
  /** Users by id. */
  readonly users = new Map<string, User>();
  /** Organizations by id. */
  readonly organizations = new Map<string, Organization>();
  /** Organization ids in creation order. */
  readonly organizationOrder = new OrderedIndex();
  /** Organization id → user id → membership. */
  readonly memberships = new Map<string, Map<string, MemoryMembership>>();
  /** Organization id → member user ids in joining order. */
  readonly memberOrder = new Map<string, OrderedIndex>();
  /** Organization-scope roles (tenant-wide, like Auth0's). */
  readonly roles = new Map<string, Role>();
  /** Products by id. */
  readonly products = new Map<string, Product>();
  /** Product permission groups by id. */
  readonly productGroups = new Map<string, MemoryProductGroup>();
  /** Tenant connections by id. */
  readonly tenantConnections = new Map<string, MemoryTenantConnection>();
  /** Organization id → connection id → enabled connection. */
  readonly enabledConnections = new Map<string, Map<string, Connection>>();
  /** Tenant client grants by id. */
  readonly clientGrants = new Map<string, ClientGrant>();
  /** Organization id → associated client grant ids. */
  readonly organizationClientGrants = new Map<string, Set<string>>();
  /** Organization id → invitation id → invitation. */
  readonly invitations = new Map<string, Map<string, MemoryInvitation>>();
  private counter = 0;

  /** A fresh id with the given prefix. */
  nextId(prefix: string): string {
    this.counter++;
    return `${prefix}_${this.counter.toString(36).padStart(6, '0')}`;
  }

  /** Adds (or replaces) a user. */
  addUser(user: User): User {
    this.users.set(user.id, { ...user });
    return user;
  }

  /** Adds an organization directly (no uniqueness check; for seeding). */
  addOrganization(organization: Organization): Organization {
    this.organizations.set(organization.id, { ...organization });
    this.organizationOrder.add(organization.id);
    return organization;
  }

  /** Adds an organization-scope role. */
  addRole(role: Role): Role {
    this.roles.set(role.id, { ...role });
    return role;
  }

  /** Adds a product to an organization. */
  addProduct(product: Product): Product {
    this.products.set(product.id, { ...product });
    return product;
  }

  /** Adds a permission group to a product. */
  addProductGroup(group: MemoryProductGroup): MemoryProductGroup {
    this.productGroups.set(group.id, { ...group });
    return group;
  }

  /** Adds a tenant connection that organizations can enable. */
  addTenantConnection(connection: MemoryTenantConnection): MemoryTenantConnection {
    this.tenantConnections.set(connection.id, { ...connection });
    return connection;
  }

  /** The membership of a user, creating an empty one (no kinds yet) when absent. */
  membership(organizationId: string, userId: string): MemoryMembership {
    let members = this.memberships.get(organizationId);
    if (!members) {
      members = new Map();
      this.memberships.set(organizationId, members);
    }
    let record = members.get(userId);
    if (!record) {
      record = { kinds: new Set(), roleIds: new Set(), productGroups: new Map() };
      members.set(userId, record);
      let order = this.memberOrder.get(organizationId);
      if (!order) {
        order = new OrderedIndex();
        this.memberOrder.set(organizationId, order);
      }
      order.add(userId);
    }
    return record;
  }

  /** Removes a user from an organization entirely. */
  removeMembership(organizationId: string, userId: string): void {
    this.memberships.get(organizationId)?.delete(userId);
    this.memberOrder.get(organizationId)?.delete(userId);
  }

  /** Deletes an organization with its memberships, invitations and enabled connections. */
  deleteOrganization(organizationId: string): void {
    this.organizations.delete(organizationId);
    this.organizationOrder.delete(organizationId);
    this.memberships.delete(organizationId);
    this.memberOrder.delete(organizationId);
    this.invitations.delete(organizationId);
    this.enabledConnections.delete(organizationId);
    this.organizationClientGrants.delete(organizationId);
  }
}
