import type { Operation } from './operations.js';

/** How a vendor pages lists: cursors, page numbers, or not at all. */
export type PaginationStyle = 'checkpoint' | 'offset' | 'none';

/**
 * How many permission groups a member can hold: none, many organization-wide, one
 * organization-wide (a single-role vendor such as WorkOS by default), or one per product.
 */
export type RolesPerMember = 'none' | 'many' | 'one' | 'one-per-product';

/** Which grant scopes exist on the vendor. */
export type GrantScopes = 'none' | 'organization' | 'product' | 'organization+product';

/** Whether admins and billing managers are native to the vendor or mapped from roles. */
export type MemberKindSupport = 'none' | 'native' | 'mapped';

/** Whether a read right after a write sees it. */
export type Consistency = 'strong' | 'eventual';

/** Whether an admin's grants are stored (`explicit`) or implied by the admin kind (`implicit`: admins hold every permission and their groups cannot be set). */
export type GrantsOfAdmins = 'explicit' | 'implicit';

/** How many grants an invitation can carry: none, exactly one (required), at most one (optional), or many. */
export type InvitationGrants = 'none' | 'one' | 'at-most-one' | 'many';

/**
 * How many organization-level kinds besides `member` one member can hold: `many` (an admin
 * can also be a billing manager) or `one` (granting one kind replaces the other, as on
 * single-role vendors).
 */
export type KindsPerMember = 'many' | 'one';

/** The graded (non-boolean) capabilities, with the value meaning "absent" first. */
export interface GradedCapabilities {
  /** Paging style of the vendor's member and organization lists. */
  readonly pagination: PaginationStyle;
  /** How many groups a member can hold per scope. */
  readonly rolesPerMember: RolesPerMember;
  /** Which scopes grants live in. */
  readonly grantScopes: GrantScopes;
  /** How admins and billing managers exist on the vendor. */
  readonly memberKinds: MemberKindSupport;
  /** Read-after-write behaviour of member lists. */
  readonly consistency: Consistency;
  /** Whether admins' grants are explicit or implied. */
  readonly grantsOfAdmins: GrantsOfAdmins;
  /** Grants an invitation carries. */
  readonly invitationGrants: InvitationGrants;
  /** Kinds one member can hold at once. */
  readonly kindsPerMember: KindsPerMember;
}

/**
 * An adapter's capability manifest: one boolean per facade operation plus graded values.
 * Build it with `defineCapabilities`; it is frozen.
 */
export type Capabilities = Readonly<Record<Operation, boolean>> & GradedCapabilities;

/** Any capability name: an operation or a graded capability. */
export type CapabilityName = Operation | keyof GradedCapabilities;
