import type { Member, PermissionGrant, Role } from '@orgport/core';
import { kindsFromBits, NONE } from '@orgport/core/driver';
import type { MemberWithUser } from './better-auth-rows.js';
import { classifyRoles, parseRoleList, type RoleClasses } from './role-kinds.js';

const ORGANIZATION_SCOPE = Object.freeze({ type: 'organization' as const });

/** A role name as an organization-scope grant (the role name is the group's id). */
export function roleGrant(role: string): PermissionGrant {
  return Object.freeze({ scope: ORGANIZATION_SCOPE, group: Object.freeze({ id: role, name: role }) });
}

/** The grant roles of a stored role value. */
export function grantRolesOf(role: string, classes: RoleClasses): string[] {
  return classifyRoles(parseRoleList(role), classes).grants;
}

/**
 * A member row with its user → the neutral member: kind roles become `kinds`, the base
 * role (`member`) is membership itself, every other role is a role and an
 * organization-scope grant.
 */
export function toMember(row: MemberWithUser, classes: RoleClasses): Member {
  const { bits, grants } = classifyRoles(parseRoleList(row.role), classes);
  const user: { id: string; email?: string; name?: string; picture?: string } = { id: row.user.id };
  if (row.user.email) user.email = row.user.email;
  if (row.user.name) user.name = row.user.name;
  if (row.user.image) user.picture = row.user.image;
  const roles: readonly Role[] = grants.length > 0 ? grants.map((name) => ({ id: name, name })) : NONE;
  return {
    user,
    organizationId: row.organizationId,
    kinds: kindsFromBits(bits),
    roles,
    grants: grants.length > 0 ? grants.map(roleGrant) : NONE,
  };
}
