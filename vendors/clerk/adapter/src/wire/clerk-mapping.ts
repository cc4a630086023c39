import type { Invitation, Member, Metadata, Organization, PermissionGrant } from '@orgport/core';
import { KIND_BIT, kindsFromBits, NONE } from '@orgport/core/driver';
import type { z } from 'zod';
import type { WireInvitation, WireMembership, WireOrganization } from './clerk-wire-schemas.js';

/** How roles read: which are kinds, which is the plain member's, and the names known. */
export interface RoleReading {
  readonly adminRoles: ReadonlySet<string>;
  readonly memberRole: string;
  readonly roleNames: ReadonlyMap<string, string>;
}

/**
 * A Clerk timestamp as ISO text. The spec's are Unix milliseconds; a value below 10^11 is
 * taken as seconds (the community emulator sends seconds).
 */
export function isoTime(value: number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return new Date(value < 1e11 ? value * 1000 : value).toISOString();
}

/** Clerk metadata (any JSON) as orgport's string metadata: strings kept, other values as JSON text. */
export function toMetadata(
  value: Readonly<Record<string, unknown>> | null | undefined,
): Metadata | undefined {
  if (!value) return undefined;
  const entries = Object.entries(value);
  if (entries.length === 0) return undefined;
  const out: Record<string, string | null> = {};
  for (const [key, item] of entries)
    out[key] = typeof item === 'string' || item === null ? item : JSON.stringify(item);
  return out;
}

/** `Organization` → neutral: the unique slug is `name`, Clerk's `name` the `displayName`. */
export function toOrganization(org: z.infer<typeof WireOrganization>): Organization {
  const metadata = toMetadata(org.private_metadata);
  return {
    id: org.id,
    name: org.slug,
    displayName: org.name,
    ...(metadata ? { metadata } : {}),
  };
}

/** The grant a role is, or none for the plain member's role and the admin roles (kinds). */
export function roleGrant(role: string, roleName: string | null | undefined, reading: RoleReading) {
  if (role === reading.memberRole || reading.adminRoles.has(role)) return undefined;
  const grant: PermissionGrant = {
    scope: { type: 'organization' },
    group: { id: role, name: roleName ?? reading.roleNames.get(role) ?? role },
  };
  return grant;
}

/** `OrganizationMembership` → neutral member: an admin role is the admin kind, any other role but the plain member's a grant. */
export function toMember(membership: z.infer<typeof WireMembership>, reading: RoleReading): Member {
  const data = membership.public_user_data;
  const name = [data?.first_name, data?.last_name].filter((part) => part).join(' ');
  const identifier = data?.identifier ?? undefined;
  const grant = roleGrant(membership.role, membership.role_name, reading);
  const admin = reading.adminRoles.has(membership.role);
  return {
    user: {
      id: data?.user_id ?? '',
      ...(identifier?.includes('@') ? { email: identifier } : {}),
      ...(name ? { name } : {}),
      ...(data?.image_url ? { picture: data.image_url } : {}),
    },
    organizationId: membership.organization.id,
    kinds: kindsFromBits(KIND_BIT.member | (admin ? KIND_BIT.admin : 0)),
    roles: grant ? [{ id: grant.group.id, name: grant.group.name }] : NONE,
    grants: grant ? [grant] : NONE,
  };
}

/** `OrganizationInvitation` → neutral invitation. */
export function toInvitation(
  invitation: z.infer<typeof WireInvitation>,
  organizationId: string,
  reading: RoleReading,
  nowMs: number,
): Invitation {
  const grant =
    invitation.role === reading.memberRole || reading.adminRoles.has(invitation.role)
      ? undefined
      : roleGrant(invitation.role, invitation.role_name, reading);
  const createdAt = isoTime(invitation.created_at);
  const expiresAt = isoTime(invitation.expires_at);
  return {
    id: invitation.id,
    organizationId: invitation.organization_id ?? organizationId,
    email: invitation.email_address,
    grants: grant ? [grant] : [],
    ...(createdAt ? { createdAt } : {}),
    ...(expiresAt ? { expiresAt } : {}),
    expired: invitation.status === 'expired' || (expiresAt !== undefined && Date.parse(expiresAt) <= nowMs),
    ...(invitation.url ? { url: invitation.url } : {}),
  };
}
