import type { Invitation, Member, Organization, PermissionGrant, User } from '@orgport/core';
import { KIND_BIT, kindsFromBits, NONE } from '@orgport/core/driver';
import type { z } from 'zod';
import type { WireInvitation, WireMembership, WireOrganization, WireUser } from './workos-wire-schemas.js';

/** How role slugs map to the neutral model. */
export interface RoleModel {
  /** Slugs that make a member an admin. */
  readonly adminSlugs: ReadonlySet<string>;
  /** The environment's default role: plain membership, not a grant. */
  readonly defaultRole: string;
}

/**
 * WorkOS organization → neutral organization. orgport's unique machine `name` is WorkOS's
 * unique `external_id`, and WorkOS's (not unique) `name` is the display name; an
 * organization made outside orgport, without an external id, is named by its WorkOS name.
 */
export function toOrganization(wire: z.infer<typeof WireOrganization>): Organization {
  const metadata = wire.metadata && Object.keys(wire.metadata).length > 0 ? { metadata: wire.metadata } : {};
  return { id: wire.id, name: wire.external_id || wire.name, displayName: wire.name, ...metadata };
}

/** `UserlandUser` → neutral user (the name joined from first and last). */
export function toUser(wire: z.infer<typeof WireUser>): User {
  const name = [wire.first_name, wire.last_name].filter(Boolean).join(' ');
  return {
    id: wire.id,
    email: wire.email,
    ...(name ? { name } : {}),
    ...(wire.profile_picture_url ? { picture: wire.profile_picture_url } : {}),
  };
}

/** The role slugs a membership holds: `roles` where the environment has several, else `role`. */
export function slugsOf(wire: z.infer<typeof WireMembership>): string[] {
  if (wire.roles && wire.roles.length > 0) return wire.roles.map((role) => role.slug);
  return wire.role ? [wire.role.slug] : [];
}

/** An organization-scope grant of a role slug (WorkOS memberships carry slugs only). */
export const roleGrant = (slug: string): PermissionGrant => ({
  scope: { type: 'organization' },
  group: { id: slug, name: slug },
});

/**
 * Membership → neutral member: admin slugs give the admin kind, the default role is plain
 * membership, every other slug is an organization role (in `roles` and `grants`). A status
 * other than `active` is kept in `status`.
 */
export function toMember(
  wire: z.infer<typeof WireMembership>,
  user: User | undefined,
  model: RoleModel,
): Member {
  let bits = KIND_BIT.member;
  const grants: PermissionGrant[] = [];
  for (const slug of slugsOf(wire)) {
    if (model.adminSlugs.has(slug)) bits |= KIND_BIT.admin;
    else if (slug !== model.defaultRole) grants.push(roleGrant(slug));
  }
  const held = grants.length === 0 ? NONE : grants;
  return {
    user: user ?? { id: wire.user_id },
    organizationId: wire.organization_id,
    kinds: kindsFromBits(bits),
    roles: grants.length === 0 ? NONE : grants.map((grant) => grant.group),
    grants: held,
    ...(wire.status === 'active' ? {} : { status: wire.status }),
  };
}

/** `UserlandUserInvite` → neutral invitation; `now` decides `expired` with the transport's clock. */
export function toInvitation(
  wire: z.infer<typeof WireInvitation>,
  organizationId: string,
  now: number,
): Invitation {
  return {
    id: wire.id,
    organizationId,
    email: wire.email,
    grants: wire.role_slug ? [roleGrant(wire.role_slug)] : NONE,
    createdAt: wire.created_at,
    expiresAt: wire.expires_at,
    expired: wire.state === 'expired' || Date.parse(wire.expires_at) <= now,
    ...(wire.accept_invitation_url ? { url: wire.accept_invitation_url } : {}),
  };
}
