import { SeededRandom } from '@orgport/simulator-kit';

/** An organization (`OrganizationModel`). */
export interface CloudOrganization {
  organizationId: string;
  name: string;
}

/** A user account. `userId` is opaque. */
export interface CloudUser {
  userId: string;
  fullName: string;
  email: string;
  twoFactorEnabled: boolean;
}

/** A product (`ProductModel` without the embedded organization). */
export interface CloudProduct {
  productId: string;
  organizationId: string;
  name: string;
  description: string | null;
  order: number;
  reasonRequired: boolean;
  approveRequired: boolean;
}

/** An environment of a product (permission groups grant access per environment). */
export interface CloudEnvironment {
  environmentId: string;
  productId: string;
  name: string;
  color: string | null;
  description: string | null;
  order: number;
  reasonRequired: boolean;
  approveRequired: boolean;
}

/** The 21 permission flags, in spec order. */
export const PERMISSION_FLAGS = [
  'canManageMembers',
  'canCreateOrUpdateConfig',
  'canDeleteConfig',
  'canCreateOrUpdateEnvironment',
  'canDeleteEnvironment',
  'canCreateOrUpdateSetting',
  'canTagSetting',
  'canDeleteSetting',
  'canCreateOrUpdateTag',
  'canDeleteTag',
  'canManageWebhook',
  'canUseExportImport',
  'canManageProductPreferences',
  'canManageIntegrations',
  'canViewSdkKey',
  'canRotateSdkKey',
  'canCreateOrUpdateSegments',
  'canDeleteSegments',
  'canViewProductAuditLog',
  'canViewProductStatistics',
  'canDisable2FA',
] as const;

/** One permission flag. */
export type PermissionFlag = (typeof PERMISSION_FLAGS)[number];

/** A permission group of a product. */
export interface CloudPermissionGroup {
  permissionGroupId: number;
  productId: string;
  name: string;
  flags: Record<PermissionFlag, boolean>;
  accessType: 'readOnly' | 'full' | 'custom';
  newEnvironmentAccessType: 'full' | 'readOnly' | 'none';
  /** environment id → access. */
  environmentAccess: Map<string, 'full' | 'readOnly' | 'none'>;
  approvalPermissionType: 'cannotApprove' | 'canApproveOthers' | 'canBypassApproval' | 'custom';
  newEnvironmentApprovalPermissionType: 'cannotApprove' | 'canApproveOthers' | 'canBypassApproval';
  environmentApproval: Map<string, 'cannotApprove' | 'canApproveOthers' | 'canBypassApproval'>;
}

/** A user's place in an organization. */
export interface CloudMembership {
  isAdmin: boolean;
  isBillingManager: boolean;
  /** product id → permission group id (one per product). */
  groups: Map<string, number>;
}

/** A pending (or expired) invitation. */
export interface CloudInvitation {
  invitationId: string;
  email: string;
  productId: string;
  permissionGroupId: number;
  createdAt: string;
  expires: string;
}

/** An API credential and the user it acts as. */
export interface CloudCredential {
  username: string;
  password: string;
  userId: string;
}

/** The state of a simulated product / permission-group tenant, open for seeding and inspection. */
export class CloudOrgStore {
  readonly random: SeededRandom;
  readonly organizations = new Map<string, CloudOrganization>();
  readonly users = new Map<string, CloudUser>();
  readonly products = new Map<string, CloudProduct>();
  readonly environments = new Map<string, CloudEnvironment>();
  readonly groups = new Map<number, CloudPermissionGroup>();
  /** organization id → user id → membership, in joining order. */
  readonly memberships = new Map<string, Map<string, CloudMembership>>();
  readonly invitations = new Map<string, CloudInvitation>();
  readonly credentials = new Map<string, CloudCredential>();
  private nextGroupId = 1000;

  /** A store whose ids follow `seed`; `now` drives invitation dates. */
  constructor(
    seed = 1,
    readonly now: () => number = Date.now,
  ) {
    this.random = new SeededRandom(seed);
  }

  /** Adds an organization. */
  addOrganization(name: string, organizationId = this.random.uuid()): CloudOrganization {
    const organization = { organizationId, name };
    this.organizations.set(organizationId, organization);
    this.memberships.set(organizationId, new Map());
    return organization;
  }

  /** Adds a user account. */
  addUser(fields: {
    email: string;
    fullName?: string;
    userId?: string;
    twoFactorEnabled?: boolean;
  }): CloudUser {
    const user: CloudUser = {
      userId: fields.userId ?? this.random.string(24, 'abcdefghijklmnopqrstuvwxyz0123456789'),
      fullName: fields.fullName ?? fields.email.split('@')[0] ?? fields.email,
      email: fields.email,
      twoFactorEnabled: fields.twoFactorEnabled ?? false,
    };
    this.users.set(user.userId, user);
    return user;
  }

  /** Adds a product with two environments (Production, Test). */
  addProduct(organizationId: string, name: string, description: string | null = null): CloudProduct {
    const product: CloudProduct = {
      productId: this.random.uuid(),
      organizationId,
      name,
      description,
      order: [...this.products.values()].filter((p) => p.organizationId === organizationId).length,
      reasonRequired: false,
      approveRequired: false,
    };
    this.products.set(product.productId, product);
    for (const [order, env] of ['Production', 'Test'].entries()) {
      const environmentId = this.random.uuid();
      this.environments.set(environmentId, {
        environmentId,
        productId: product.productId,
        name: env,
        color: null,
        description: null,
        order,
        reasonRequired: false,
        approveRequired: false,
      });
    }
    return product;
  }

  /** Adds a permission group; unset flags are false. */
  addGroup(
    productId: string,
    name: string,
    fields: Partial<Omit<CloudPermissionGroup, 'permissionGroupId' | 'productId' | 'name'>> = {},
  ): CloudPermissionGroup {
    const flags = Object.fromEntries(PERMISSION_FLAGS.map((flag) => [flag, false])) as Record<
      PermissionFlag,
      boolean
    >;
    const group: CloudPermissionGroup = {
      permissionGroupId: this.nextGroupId++,
      productId,
      name,
      flags: { ...flags, ...fields.flags },
      accessType: fields.accessType ?? 'readOnly',
      newEnvironmentAccessType: fields.newEnvironmentAccessType ?? 'readOnly',
      environmentAccess: fields.environmentAccess ?? new Map(),
      approvalPermissionType: fields.approvalPermissionType ?? 'cannotApprove',
      newEnvironmentApprovalPermissionType: fields.newEnvironmentApprovalPermissionType ?? 'cannotApprove',
      environmentApproval: fields.environmentApproval ?? new Map(),
    };
    this.groups.set(group.permissionGroupId, group);
    return group;
  }

  /** The membership of a user, creating it (no roles, no groups) when absent. */
  membership(organizationId: string, userId: string): CloudMembership {
    let members = this.memberships.get(organizationId);
    if (!members) {
      members = new Map();
      this.memberships.set(organizationId, members);
    }
    let membership = members.get(userId);
    if (!membership) {
      membership = { isAdmin: false, isBillingManager: false, groups: new Map() };
      members.set(userId, membership);
    }
    return membership;
  }

  /** Adds an invitation to a product group; valid 14 days. */
  addInvitation(email: string, permissionGroupId: number): CloudInvitation {
    const group = this.groups.get(permissionGroupId);
    const created = this.now();
    const invitation: CloudInvitation = {
      invitationId: this.random.uuid(),
      email,
      productId: group?.productId ?? '',
      permissionGroupId,
      createdAt: new Date(created).toISOString(),
      expires: new Date(created + 14 * 86_400_000).toISOString(),
    };
    this.invitations.set(invitation.invitationId, invitation);
    return invitation;
  }

  /** Test hook the real API lacks: the invitee accepts, and becomes a member in that group. */
  acceptInvitation(invitationId: string, fullName?: string): CloudUser | undefined {
    const invitation = this.invitations.get(invitationId);
    const product = invitation && this.products.get(invitation.productId);
    if (!invitation || !product) return undefined;
    const user =
      [...this.users.values()].find((u) => u.email.toLowerCase() === invitation.email.toLowerCase()) ??
      this.addUser({ email: invitation.email, ...(fullName ? { fullName } : {}) });
    this.membership(product.organizationId, user.userId).groups.set(
      product.productId,
      invitation.permissionGroupId,
    );
    this.invitations.delete(invitationId);
    return user;
  }

  /**
   * A canonical text of who holds what — memberships with their role flags and groups, and
   * pending invitations — for comparing two runs (e.g. a resumed migration with an
   * unbroken one). Ids are included, so compare stores seeded alike.
   */
  dump(): string {
    return JSON.stringify({
      members: [...this.memberships.entries()].map(([organizationId, members]) => [
        organizationId,
        [...members.entries()].map(([userId, m]) => [
          userId,
          m.isAdmin,
          m.isBillingManager,
          [...m.groups.entries()].sort(),
        ]),
      ]),
      invitations: [...this.invitations.values()]
        .map((i) => [i.email, i.permissionGroupId, i.productId])
        .sort(),
    });
  }

  /** The organization of a product or group. */
  organizationOfGroup(permissionGroupId: number): string | undefined {
    const group = this.groups.get(permissionGroupId);
    return group && this.products.get(group.productId)?.organizationId;
  }
}
