import type { GradedCapabilityName, GradedValue } from './graded-capabilities.js';
import type { Operation } from './operations.js';

/** How a vendor pages lists: cursors, page numbers, or not at all. */
export type PaginationStyle = GradedValue<'pagination'>;

/**
 * How many permission groups a member can hold: none, many organization-wide, one
 * organization-wide (a single role per membership, as on Clerk), or one per product.
 */
export type RolesPerMember = GradedValue<'rolesPerMember'>;

/** Which grant scopes exist on the vendor. */
export type GrantScopes = GradedValue<'grantScopes'>;

/** Whether admins and billing managers are native to the vendor or mapped from roles. */
export type MemberKindSupport = GradedValue<'memberKinds'>;

/** Whether a read right after a write sees it. */
export type Consistency = GradedValue<'consistency'>;

/** Whether an admin's grants are stored (`explicit`) or implied by the admin kind (`implicit`). */
export type GrantsOfAdmins = GradedValue<'grantsOfAdmins'>;

/** How many grants an invitation can carry: none, exactly one (required), or many. */
export type InvitationGrants = GradedValue<'invitationGrants'>;

/** How many organization-level kinds besides `member` one member can hold. */
export type KindsPerMember = GradedValue<'kindsPerMember'>;

/** The graded (non-boolean) capabilities, from their one definition in `GRADED_CAPABILITIES`. */
export type GradedCapabilities = { readonly [K in GradedCapabilityName]: GradedValue<K> };

/**
 * An adapter's capability manifest: one boolean per facade operation plus graded values.
 * Build it with `defineCapabilities`; it is frozen.
 */
export type Capabilities = Readonly<Record<Operation, boolean>> & GradedCapabilities;

/** Any capability name: an operation or a graded capability. */
export type CapabilityName = Operation | keyof GradedCapabilities;
