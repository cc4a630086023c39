import { OrgPortError } from '@orgport/core';
import { type ResolvedBetterAuth, staticRoles } from '../better-auth-context.js';
import type { MemberWithUser, OrganizationRoleRow } from '../model/better-auth-rows.js';

/** Whether the app's dynamic access control is on (custom roles per organization in `organizationRole`). */
export const dynamicRoles = (auth: ResolvedBetterAuth): boolean =>
  auth.options.dynamicAccessControl?.enabled === true;

/**
 * The roles of `names` that organization `organizationId` does not know: neither defined
 * in the app's code (built-in or `organization({ roles })`) nor, with dynamic access
 * control, stored for it in `organizationRole`. Better Auth's own `addMember` stores an
 * unknown role as given, so the adapter checks.
 */
export async function unknownRoles(
  auth: ResolvedBetterAuth,
  organizationId: string,
  names: readonly string[],
): Promise<string[]> {
  const known = staticRoles(auth.options);
  const missing = names.filter((name) => !known.has(name));
  if (missing.length === 0 || !dynamicRoles(auth)) return missing;
  const rows = await auth.db.findMany<OrganizationRoleRow>({
    model: 'organizationRole',
    where: [
      { field: 'organizationId', value: organizationId },
      { field: 'role', value: missing, operator: 'in' },
    ],
  });
  const found = new Set(rows.map((row) => row.role));
  return missing.filter((name) => !found.has(name));
}

/** `not_found` naming the roles an organization does not know. */
export async function requireRoles(
  auth: ResolvedBetterAuth,
  organizationId: string,
  names: readonly string[],
): Promise<void> {
  const missing = await unknownRoles(auth, organizationId, names);
  if (missing.length > 0)
    throw new OrgPortError(
      'not_found',
      `organization ${organizationId} has no role named ${missing.join(', ')} (define it in organization({ roles })${dynamicRoles(auth) ? ' or as a custom role of the organization' : ''})`,
      { vendor: 'better-auth', meta: { roles: missing } },
    );
}

/** The member row of a user in an organization; `not_found` naming which of the two is missing. */
export async function requireMember(
  auth: ResolvedBetterAuth,
  organizationId: string,
  userId: string,
): Promise<MemberWithUser> {
  const member = await auth.org.findMemberByOrgId({ userId, organizationId });
  if (member) return member;
  if (!(await auth.org.findOrganizationById(organizationId)))
    throw new OrgPortError('not_found', `No organization with id ${organizationId}`, {
      vendor: 'better-auth',
    });
  throw new OrgPortError('not_found', `User ${userId} is not a member of organization ${organizationId}`, {
    vendor: 'better-auth',
  });
}
