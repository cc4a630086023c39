import type {
  ClientGrant,
  Connection,
  Invitation,
  Member,
  MemberKind,
  Organization,
  PermissionGrant,
} from '@orgport/core';
import { KIND_BIT, kindsFromBits } from '@orgport/core/driver';
import type { z } from 'zod';
import type {
  WireClientGrant,
  WireEnabledConnection,
  WireInvitation,
  WireMember,
  WireOrganization,
} from './auth0-wire-schemas.js';
import type { MemberRoleSets } from './member-role-sets.js';

/** Role names (lower-cased) that carry each organization-level kind. */
export interface KindRoleNames {
  readonly admin: ReadonlySet<string>;
  readonly billing_manager: ReadonlySet<string>;
}

/** The kind a role name carries, if any. */
export function kindOfRole(name: string, kinds: KindRoleNames): Exclude<MemberKind, 'member'> | undefined {
  const lower = name.toLowerCase();
  if (kinds.admin.has(lower)) return 'admin';
  if (kinds.billing_manager.has(lower)) return 'billing_manager';
  return undefined;
}

/** Wire organization → neutral organization. */
export function toOrganization(wire: z.infer<typeof WireOrganization>): Organization {
  return {
    id: wire.id,
    name: wire.name,
    ...(wire.display_name !== undefined ? { displayName: wire.display_name } : {}),
    ...(wire.metadata !== undefined ? { metadata: wire.metadata } : {}),
    ...(wire.branding !== undefined
      ? {
          branding: {
            ...(wire.branding.logo_url !== undefined ? { logoUrl: wire.branding.logo_url } : {}),
            ...(wire.branding.colors
              ? {
                  colors: {
                    primary: wire.branding.colors.primary,
                    pageBackground: wire.branding.colors.page_background,
                  },
                }
              : {}),
          },
        }
      : {}),
  };
}

/** The organization scope, one frozen object shared by every organization-scope grant. */
const ORGANIZATION_SCOPE = Object.freeze({ type: 'organization' as const });

/** A role as an organization-scope grant (frozen). */
export function roleGrant(role: { id: string; name: string }): PermissionGrant {
  return Object.freeze({ scope: ORGANIZATION_SCOPE, group: Object.freeze({ id: role.id, name: role.name }) });
}

/**
 * Wire member → neutral member: kind roles (admin, billing manager) become `kinds`; every
 * other role is reported in `roles` and as an organization-scope grant. The roles, grants
 * and kinds come shared and frozen from `roleSets` (one per mapping pass, e.g. per page):
 * a member costs its user and itself.
 */
export function toMember(
  wire: z.infer<typeof WireMember>,
  organizationId: string,
  roleSets: MemberRoleSets,
): Member {
  const shared = roleSets.of(wire.roles);
  const user: { id: string; email?: string; name?: string; picture?: string } = { id: wire.user_id };
  if (wire.email) user.email = wire.email;
  if (wire.name) user.name = wire.name;
  if (wire.picture) user.picture = wire.picture;
  return {
    user,
    organizationId,
    kinds: kindsFromBits(KIND_BIT.member | shared.kindBits),
    roles: shared.roles,
    grants: shared.grants,
  };
}

/** Wire enabled connection → neutral connection. */
export function toConnection(wire: z.infer<typeof WireEnabledConnection>): Connection {
  return {
    id: wire.connection_id,
    ...(wire.connection?.name !== undefined ? { name: wire.connection.name } : {}),
    ...(wire.connection?.strategy !== undefined ? { strategy: wire.connection.strategy } : {}),
    assignMembershipOnLogin: wire.assign_membership_on_login,
    ...(wire.show_as_button !== undefined ? { showAsButton: wire.show_as_button } : {}),
    ...(wire.is_signup_enabled !== undefined ? { isSignupEnabled: wire.is_signup_enabled } : {}),
  };
}

/**
 * Wire invitation → neutral invitation; role ids are named through `roleName`, and
 * `nowMs` (the client's clock) decides whether it has expired.
 */
export function toInvitation(
  wire: z.infer<typeof WireInvitation>,
  organizationId: string,
  roleName: (id: string) => string,
  nowMs: number,
): Invitation {
  return {
    id: wire.id,
    organizationId: wire.organization_id ?? organizationId,
    email: wire.invitee.email,
    ...(wire.inviter ? { inviterName: wire.inviter.name } : {}),
    grants: (wire.roles ?? []).map((id) => roleGrant({ id, name: roleName(id) })),
    ...(wire.created_at ? { createdAt: wire.created_at } : {}),
    ...(wire.expires_at ? { expiresAt: wire.expires_at, expired: Date.parse(wire.expires_at) <= nowMs } : {}),
    ...(wire.invitation_url ? { url: wire.invitation_url } : {}),
  };
}

/** Wire client grant (either shape) → neutral client grant. */
export function toClientGrant(wire: z.infer<typeof WireClientGrant>): ClientGrant {
  return {
    id: (wire.id ?? wire.grant_id) as string,
    clientId: wire.client_id,
    audience: wire.audience,
    scope: wire.scope,
  };
}
