import { SeededRandom } from '@orgport/simulator-kit';

/** A user as the simulator keeps it. */
export interface SimUser {
  readonly id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  readonly createdAt: number;
}

/** An organization as the simulator keeps it. */
export interface SimOrganization {
  readonly id: string;
  name: string;
  slug: string;
  publicMetadata: Record<string, unknown>;
  privateMetadata: Record<string, unknown>;
  readonly createdAt: number;
  updatedAt: number;
}

/** A membership: one role per user and organization. */
export interface SimMembership {
  readonly id: string;
  readonly organizationId: string;
  readonly userId: string;
  role: string;
  readonly createdAt: number;
  updatedAt: number;
}

/** An organization role and its permission keys. */
export interface SimRole {
  readonly id: string;
  readonly key: string;
  name: string;
  description: string | null;
  readonly permissions: string[];
  readonly createdAt: number;
}

/** An invitation and its status. */
export interface SimInvitation {
  readonly id: string;
  readonly organizationId: string;
  readonly email: string;
  readonly role: string;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  readonly expiresAt: number;
  readonly createdAt: number;
  updatedAt: number;
}

/**
 * The instance's state: users, organizations, memberships (one role each, in creation
 * order), roles and invitations. Maps keyed by id; nothing vendor-supplied is a plain
 * object key. Timestamps are Unix milliseconds from the injected clock, strictly
 * increasing so creation order is total.
 */
export class ClerkStore {
  readonly users = new Map<string, SimUser>();
  readonly organizations = new Map<string, SimOrganization>();
  /** Organization id → user id → membership. */
  readonly memberships = new Map<string, Map<string, SimMembership>>();
  /** Role key → role. */
  readonly roles = new Map<string, SimRole>();
  readonly invitations = new Map<string, SimInvitation>();
  readonly random: SeededRandom;
  private last = 0;

  constructor(
    seed: number,
    private readonly clock: () => number,
  ) {
    this.random = new SeededRandom(seed);
    this.addRole('org:admin', 'Admin', [
      'org:sys_profile:manage',
      'org:sys_profile:delete',
      'org:sys_memberships:read',
      'org:sys_memberships:manage',
      'org:sys_domains:read',
      'org:sys_domains:manage',
    ]);
    this.addRole('org:member', 'Member', ['org:sys_memberships:read']);
  }

  /** A strictly increasing timestamp. */
  now(): number {
    this.last = Math.max(this.last + 1, this.clock());
    return this.last;
  }

  /** A new id with the vendor's prefix. */
  id(prefix: string): string {
    return `${prefix}${this.random.string(24)}`;
  }

  addUser(spec: {
    email: string;
    firstName?: string | null;
    lastName?: string | null;
    id?: string;
  }): SimUser {
    const user: SimUser = {
      id: spec.id ?? this.id('user_'),
      email: spec.email,
      firstName: spec.firstName ?? null,
      lastName: spec.lastName ?? null,
      createdAt: this.now(),
    };
    this.users.set(user.id, user);
    return user;
  }

  addOrganization(spec: {
    name: string;
    slug: string;
    privateMetadata?: Record<string, unknown>;
  }): SimOrganization {
    const now = this.now();
    const organization: SimOrganization = {
      id: this.id('org_'),
      name: spec.name,
      slug: spec.slug,
      publicMetadata: {},
      privateMetadata: spec.privateMetadata ?? {},
      createdAt: now,
      updatedAt: now,
    };
    this.organizations.set(organization.id, organization);
    this.memberships.set(organization.id, new Map());
    return organization;
  }

  /** The organization with this id or slug. */
  organization(idOrSlug: string): SimOrganization | undefined {
    return (
      this.organizations.get(idOrSlug) ??
      [...this.organizations.values()].find((organization) => organization.slug === idOrSlug)
    );
  }

  addMembership(organizationId: string, userId: string, role: string): SimMembership {
    const now = this.now();
    const membership: SimMembership = {
      id: this.id('orgmem_'),
      organizationId,
      userId,
      role,
      createdAt: now,
      updatedAt: now,
    };
    this.memberships.get(organizationId)?.set(userId, membership);
    return membership;
  }

  addRole(key: string, name: string, permissions: string[] = [], description: string | null = null): SimRole {
    const role: SimRole = {
      id: this.id('role_'),
      key,
      name,
      description,
      permissions,
      createdAt: this.now(),
    };
    this.roles.set(key, role);
    return role;
  }

  addInvitation(organizationId: string, email: string, role: string, expiresInDays = 30): SimInvitation {
    const now = this.now();
    const invitation: SimInvitation = {
      id: this.id('orginv_'),
      organizationId,
      email,
      role,
      status: 'pending',
      expiresAt: now + expiresInDays * 86_400_000,
      createdAt: now,
      updatedAt: now,
    };
    this.invitations.set(invitation.id, invitation);
    return invitation;
  }

  /** Deletes an organization with its memberships and invitations. */
  deleteOrganization(organizationId: string): void {
    this.organizations.delete(organizationId);
    this.memberships.delete(organizationId);
    for (const [id, invitation] of this.invitations)
      if (invitation.organizationId === organizationId) this.invitations.delete(id);
  }
}
