import { OrderedIndex, SeededRandom } from '@orgport/simulator-kit';

/** An organization as Auth0 stores it (unset optional fields are absent, never null). */
export interface Auth0Organization {
  id: string;
  name: string;
  display_name?: string;
  branding?: { logo_url?: string; colors?: { primary: string; page_background: string } };
  metadata?: Record<string, string | null>;
}

/** A user as Auth0 returns it in member lists. */
export interface Auth0User {
  user_id: string;
  email: string;
  name: string;
  picture: string;
}

/** A tenant role. */
export interface Auth0Role {
  id: string;
  name: string;
  description: string;
}

/** A tenant connection. */
export interface Auth0Connection {
  id: string;
  name: string;
  strategy: string;
}

/** Settings of a connection enabled for an organization. */
export interface Auth0EnabledConnection {
  assign_membership_on_login: boolean;
  show_as_button: boolean;
  is_signup_enabled?: boolean;
}

/** A stored invitation (the response shape). */
export interface Auth0Invitation {
  id: string;
  organization_id: string;
  inviter: { name: string };
  invitee: { email: string };
  invitation_url: string;
  ticket_id: string;
  created_at: string;
  expires_at: string;
  client_id: string;
  connection_id?: string;
  roles?: string[];
  app_metadata?: Record<string, unknown>;
  user_metadata?: Record<string, unknown>;
}

/** A machine-to-machine client that can get tokens. */
export interface Auth0Client {
  client_id: string;
  client_secret: string;
  name: string;
  /** Scopes its tokens carry. */
  scopes: string[];
}

/** A tenant client grant. */
export interface Auth0ClientGrant {
  id: string;
  client_id: string;
  audience: string;
  scope: string[];
  organization_usage: 'deny' | 'allow' | 'require';
  allow_any_organization: boolean;
}

interface Membership {
  readonly order: OrderedIndex;
  /** user id → when the membership was written (for the optional list lag). */
  readonly writtenAt: Map<string, number>;
  /** user id → when it was removed (still listed during the lag). */
  readonly removedAt: Map<string, number>;
}

/**
 * The state of a simulated Auth0 tenant, open for seeding and inspection. Handlers keep it
 * consistent; tests may read it as a back door.
 */
export class Auth0Store {
  readonly random: SeededRandom;
  readonly organizations = new Map<string, Auth0Organization>();
  readonly organizationOrder = new OrderedIndex();
  readonly users = new Map<string, Auth0User>();
  readonly roles = new Map<string, Auth0Role>();
  readonly connections = new Map<string, Auth0Connection>();
  readonly enabledConnections = new Map<string, Map<string, Auth0EnabledConnection>>();
  readonly invitations = new Map<string, Map<string, Auth0Invitation>>();
  readonly clients = new Map<string, Auth0Client>();
  readonly clientGrants = new Map<string, Auth0ClientGrant>();
  readonly organizationClientGrants = new Map<string, Set<string>>();
  private readonly memberships = new Map<string, Membership>();
  private readonly memberRoles = new Map<string, Map<string, Set<string>>>();

  /** A tenant whose generated ids follow `seed`; `now` drives list lag and invitations. */
  constructor(
    seed = 1,
    readonly now: () => number = Date.now,
  ) {
    this.random = new SeededRandom(seed);
  }

  /** A fresh id in Auth0's observed shape: `prefix_` + 16 alphanumerics. */
  id(prefix: 'org' | 'rol' | 'con' | 'cgr' | 'uinv'): string {
    return `${prefix}_${this.random.string(16)}`;
  }

  /** Adds an organization (no validation: for seeding). */
  addOrganization(fields: Omit<Auth0Organization, 'id'> & { id?: string }): Auth0Organization {
    const organization: Auth0Organization = { ...fields, id: fields.id ?? this.id('org') };
    this.organizations.set(organization.id, organization);
    this.organizationOrder.add(organization.id);
    return organization;
  }

  /** Deletes an organization and everything that belongs to it (not its users). */
  deleteOrganization(organizationId: string): void {
    this.organizations.delete(organizationId);
    this.organizationOrder.delete(organizationId);
    this.memberships.delete(organizationId);
    this.memberRoles.delete(organizationId);
    this.enabledConnections.delete(organizationId);
    this.invitations.delete(organizationId);
    this.organizationClientGrants.delete(organizationId);
  }

  /** Adds a user; `user_id` defaults to `auth0|` + 24 hex characters. */
  addUser(fields: Partial<Auth0User> & { email: string }): Auth0User {
    const user: Auth0User = {
      user_id: fields.user_id ?? `auth0|${this.random.string(24, '0123456789abcdef')}`,
      email: fields.email,
      name: fields.name ?? fields.email,
      picture:
        fields.picture ??
        `https://s.gravatar.com/avatar/${this.random.string(32, '0123456789abcdef')}?s=480&r=pg&d=mp`,
    };
    this.users.set(user.user_id, user);
    return user;
  }

  /** Adds a tenant role. */
  addRole(name: string, description = ''): Auth0Role {
    const role = { id: this.id('rol'), name, description };
    this.roles.set(role.id, role);
    return role;
  }

  /** Adds a tenant connection. */
  addConnection(name: string, strategy = 'auth0'): Auth0Connection {
    const connection = { id: this.id('con'), name, strategy };
    this.connections.set(connection.id, connection);
    return connection;
  }

  /** Adds a machine-to-machine client. */
  addClient(client: Auth0Client): Auth0Client {
    this.clients.set(client.client_id, client);
    return client;
  }

  /** Adds a tenant client grant. */
  addClientGrant(fields: Omit<Auth0ClientGrant, 'id'>): Auth0ClientGrant {
    const grant = { ...fields, id: this.id('cgr') };
    this.clientGrants.set(grant.id, grant);
    return grant;
  }

  private membership(organizationId: string): Membership {
    let membership = this.memberships.get(organizationId);
    if (!membership) {
      membership = { order: new OrderedIndex(), writtenAt: new Map(), removedAt: new Map() };
      this.memberships.set(organizationId, membership);
    }
    return membership;
  }

  /** True when the user is a member now (ignoring list lag). */
  isMember(organizationId: string, userId: string): boolean {
    const membership = this.memberships.get(organizationId);
    return (membership?.order.has(userId) ?? false) && !membership?.removedAt.has(userId);
  }

  /** Adds a member (no-op for a current member). */
  addMember(organizationId: string, userId: string): void {
    if (this.isMember(organizationId, userId)) return;
    const membership = this.membership(organizationId);
    membership.removedAt.delete(userId);
    membership.order.delete(userId);
    membership.order.add(userId);
    membership.writtenAt.set(userId, this.now());
  }

  /** Removes a member and their organization roles (no-op for a non-member). */
  removeMember(organizationId: string, userId: string): void {
    if (!this.isMember(organizationId, userId)) return;
    this.membership(organizationId).removedAt.set(userId, this.now());
    this.memberRoles.get(organizationId)?.delete(userId);
  }

  /**
   * The member list as the (eventually consistent) list endpoint sees it: with `lagMs`,
   * new members appear and removed ones disappear only after the lag.
   */
  listedMembers(
    organizationId: string,
    lagMs: number,
  ): { index: OrderedIndex; visible: (userId: string) => boolean } {
    const membership = this.membership(organizationId);
    const now = this.now();
    for (const [userId, removedAt] of membership.removedAt) {
      if (now - removedAt >= lagMs) {
        membership.removedAt.delete(userId);
        membership.order.delete(userId);
        membership.writtenAt.delete(userId);
      }
    }
    return {
      index: membership.order,
      visible: (userId) =>
        lagMs === 0
          ? !membership.removedAt.has(userId)
          : membership.removedAt.has(userId) || now - (membership.writtenAt.get(userId) ?? 0) >= lagMs,
    };
  }

  /** Current member ids in joining order (no lag). */
  memberIds(organizationId: string): string[] {
    const membership = this.memberships.get(organizationId);
    return membership ? membership.order.keys().filter((userId) => !membership.removedAt.has(userId)) : [];
  }

  /** The organizations a user belongs to, in creation order. */
  organizationsOf(userId: string): string[] {
    return this.organizationOrder.keys().filter((organizationId) => this.isMember(organizationId, userId));
  }

  /** A member's organization role ids. */
  rolesOf(organizationId: string, userId: string): Set<string> {
    let byUser = this.memberRoles.get(organizationId);
    if (!byUser) {
      byUser = new Map();
      this.memberRoles.set(organizationId, byUser);
    }
    let roles = byUser.get(userId);
    if (!roles) {
      roles = new Set();
      byUser.set(userId, roles);
    }
    return roles;
  }
}
