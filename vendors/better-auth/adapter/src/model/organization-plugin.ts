import type { MemberRow, MemberWithUser, OrganizationRow, UserRow } from './better-auth-rows.js';

/** The organization plugin's options as the adapter reads them (the app's own `organization({ … })`). */
export interface OrganizationPluginOptions {
  /** Custom roles (access control roles by name); Better Auth's defaults are `owner`, `admin`, `member`. */
  readonly roles?: Readonly<Record<string, unknown>> | undefined;
  /** The role given to an organization's creator (default `owner`): a sole holder cannot be removed or demoted. */
  readonly creatorRole?: string | undefined;
  /** Members per organization (default 100), or a function deciding it. */
  readonly membershipLimit?: number | ((...args: never[]) => unknown) | undefined;
  /** Pending invitations per organization (default 100), or a function deciding it. */
  readonly invitationLimit?: number | ((...args: never[]) => unknown) | undefined;
  /** Seconds an invitation lasts (default 48 hours). */
  readonly invitationExpiresIn?: number | undefined;
  /** Custom roles stored per organization in `organizationRole`. */
  readonly dynamicAccessControl?: { readonly enabled?: boolean | undefined } | undefined;
  /** Teams. */
  readonly teams?: { readonly enabled?: boolean | undefined } | undefined;
  /** Refuses organization deletion. */
  readonly disableOrganizationDeletion?: boolean | undefined;
}

/** The data layer of the organization plugin (`getOrgAdapter(ctx, options)`), as used here. */
export interface OrganizationDataLayer {
  findOrganizationById(id: string): Promise<OrganizationRow | null>;
  findOrganizationBySlug(slug: string): Promise<OrganizationRow | null>;
  createOrganization(data: { organization: Record<string, unknown> }): Promise<OrganizationRow>;
  updateOrganization(id: string, data: Record<string, unknown>): Promise<OrganizationRow | null>;
  deleteOrganization(id: string): Promise<string>;
  listMembers(data: {
    organizationId: string;
    limit?: number;
    offset?: number;
    sortBy?: string;
    sortOrder?: 'asc' | 'desc';
  }): Promise<{ members: MemberWithUser[]; total: number }>;
  findMemberByOrgId(data: { userId: string; organizationId: string }): Promise<MemberWithUser | null>;
  updateMember(memberId: string, role: string): Promise<MemberRow | null>;
  deleteMember(data: { memberId: string; organizationId: string; userId: string }): Promise<unknown>;
  createInvitation(data: {
    invitation: Record<string, unknown> & { teamIds: readonly string[] };
    user: { id: string };
  }): Promise<unknown>;
  findInvitationById(id: string): Promise<unknown>;
  findPendingInvitations(data: { organizationId: string }): Promise<unknown[]>;
  updateInvitation(data: { invitationId: string; status: string; fromStatus?: string }): Promise<unknown>;
}

/** `auth.api.addMember`: the plugin's server-only call that adds an existing user (hooks and limits apply). */
export type AddMemberCall = (request: {
  body: { userId: string; organizationId: string; role: string | string[] };
}) => Promise<MemberRow>;

/** The internal adapter of a Better Auth context, as used here. */
export interface InternalAdapter {
  findUserById(id: string): Promise<UserRow | null>;
  findUserByEmail(email: string): Promise<{ user: UserRow } | null>;
  createUser(user: Record<string, unknown>): Promise<UserRow>;
}
