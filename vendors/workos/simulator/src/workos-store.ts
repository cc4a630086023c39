import type { Clock } from '@orgport/core';

/** An organization as the simulator keeps it. */
export interface SimOrganization {
  id: string;
  name: string;
  external_id: string | null;
  metadata: Record<string, string>;
  created_at: string;
  updated_at: string;
}

/** A user. */
export interface SimUser {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  created_at: string;
  updated_at: string;
}

/** An organization membership: its role slugs in order, the first being the primary role. */
export interface SimMembership {
  id: string;
  user_id: string;
  organization_id: string;
  status: 'active' | 'inactive' | 'pending';
  roles: string[];
  directory_managed: boolean;
  created_at: string;
  updated_at: string;
}

/** A role: an environment role (`organization_id` null) or an organization's own. */
export interface SimRole {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  organization_id: string | null;
  created_at: string;
  updated_at: string;
}

/** An invitation. */
export interface SimInvitation {
  id: string;
  email: string;
  state: 'pending' | 'accepted' | 'expired' | 'revoked';
  organization_id: string | null;
  role_slug: string | null;
  inviter_user_id: string | null;
  expires_at: string;
  revoked_at: string | null;
  token: string;
  created_at: string;
  updated_at: string;
}

/**
 * The simulator's state. Ids carry a zero-padded sequence number, so they sort in creation
 * order as WorkOS's time-ordered ids do, and a cursor stays valid after its object is gone.
 */
export class WorkOSStore {
  readonly organizations = new Map<string, SimOrganization>();
  readonly users = new Map<string, SimUser>();
  readonly memberships = new Map<string, SimMembership>();
  readonly roles = new Map<string, SimRole>();
  readonly invitations = new Map<string, SimInvitation>();
  private sequence = 0;

  /** A store whose timestamps come from `clock`; `multipleRoles` says whether `role_slugs` is enabled. */
  constructor(
    private readonly clock: Clock,
    readonly multipleRoles: boolean,
  ) {
    this.addRole({ slug: 'member', name: 'Member' });
    this.addRole({ slug: 'admin', name: 'Admin' });
  }

  /** A new id with WorkOS's prefix. */
  id(prefix: string): string {
    return `${prefix}_01SIM${String(++this.sequence).padStart(21, '0')}`;
  }

  /** Now as WorkOS writes timestamps. */
  now(): string {
    return new Date(this.clock.now()).toISOString();
  }

  /** Adds an organization. */
  addOrganization(fields: { name: string; external_id?: string | null; metadata?: Record<string, string> }) {
    const now = this.now();
    const org: SimOrganization = {
      id: this.id('org'),
      name: fields.name,
      external_id: fields.external_id ?? null,
      metadata: fields.metadata ?? {},
      created_at: now,
      updated_at: now,
    };
    this.organizations.set(org.id, org);
    return org;
  }

  /** Adds a user. */
  addUser(fields: { email: string; first_name?: string | null; last_name?: string | null }) {
    const now = this.now();
    const user: SimUser = {
      id: this.id('user'),
      email: fields.email.toLowerCase(),
      first_name: fields.first_name ?? null,
      last_name: fields.last_name ?? null,
      created_at: now,
      updated_at: now,
    };
    this.users.set(user.id, user);
    return user;
  }

  /** Adds a membership. */
  addMembership(
    organizationId: string,
    userId: string,
    roles: string[],
    status: SimMembership['status'] = 'active',
  ) {
    const now = this.now();
    const membership: SimMembership = {
      id: this.id('om'),
      user_id: userId,
      organization_id: organizationId,
      status,
      roles,
      directory_managed: false,
      created_at: now,
      updated_at: now,
    };
    this.memberships.set(membership.id, membership);
    return membership;
  }

  /** Adds a role (an environment role unless `organization_id` is given). */
  addRole(fields: {
    slug: string;
    name: string;
    description?: string | null;
    organization_id?: string | null;
  }) {
    const now = this.now();
    const role: SimRole = {
      id: this.id('role'),
      slug: fields.slug,
      name: fields.name,
      description: fields.description ?? null,
      organization_id: fields.organization_id ?? null,
      created_at: now,
      updated_at: now,
    };
    this.roles.set(role.id, role);
    return role;
  }

  /** The membership of a user in an organization, any status. */
  membershipOf(organizationId: string, userId: string): SimMembership | undefined {
    for (const m of this.memberships.values())
      if (m.organization_id === organizationId && m.user_id === userId) return m;
    return undefined;
  }

  /** Whether a role slug applies to an organization (an environment role or its own). */
  roleApplies(slug: string, organizationId: string): boolean {
    for (const role of this.roles.values())
      if (role.slug === slug && (role.organization_id === null || role.organization_id === organizationId))
        return true;
    return false;
  }

  /** A state dump for comparisons: organizations by external id, with members' emails, statuses and roles. */
  dump(): string {
    const orgs = [...this.organizations.values()].map((org) => [
      org.external_id ?? org.name,
      [...this.memberships.values()]
        .filter((m) => m.organization_id === org.id)
        .map((m) => [this.users.get(m.user_id)?.email, m.status, [...m.roles].sort()])
        .sort(),
      [...this.invitations.values()]
        .filter((i) => i.organization_id === org.id && i.state === 'pending')
        .map((i) => [i.email, i.role_slug])
        .sort(),
    ]);
    return JSON.stringify(orgs.sort());
  }
}
