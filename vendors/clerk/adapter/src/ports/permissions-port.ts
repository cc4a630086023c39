import { OrgPortError, type PermissionGroup } from '@orgport/core';
import type { PermissionPort } from '@orgport/core/driver';
import { type ClerkContext, fetchRoles, requireMembership, setRole } from '../clerk-context.js';
import { toMember } from '../wire/clerk-mapping.js';

/**
 * Organization roles as permission groups: every role of the instance but the admin roles
 * (kinds) and the plain member's role (no grant). A member holds one role, so `set` gives
 * the one listed role (or the plain member's role for none) and `revoke` takes the held
 * role back to the plain member's. An admin holds every permission: their role is not
 * changed by `set` (`grantsOfAdmins: 'implicit'`).
 */
export function clerkPermissionsPort(context: ClerkContext): PermissionPort {
  const { vendor } = context;
  const grantable = (key: string) => key !== context.memberRole && !context.adminRoles.has(key);
  /** Known role keys; an unknown one is looked up afresh, so roles created meanwhile are found. */
  const known = new Set<string>();
  const roleExists = async (key: string, signal?: AbortSignal) => {
    if (known.has(key)) return true;
    for (const role of await fetchRoles(context, signal)) known.add(role.key);
    return known.has(key);
  };
  return {
    async groups(scope, { signal }) {
      if (scope?.type === 'product') {
        throw new OrgPortError('not_found', `Clerk has no products (no product ${scope.productId})`, {
          vendor,
        });
      }
      const items: PermissionGroup[] = (await fetchRoles(context, signal))
        .filter((role) => grantable(role.key))
        .map((role) => ({
          id: role.key,
          name: role.name,
          scope: { type: 'organization' },
          ...(role.description ? { description: role.description } : {}),
        }));
      return { items };
    },
    async grants(organizationId, userId, { signal }) {
      return toMember(await requireMembership(context, organizationId, userId, signal), context).grants;
    },
    async set(organizationId, userId, grants, { signal }) {
      // The facade holds the list to at most one organization role (rolesPerMember 'one').
      const wanted = grants[0]?.groupId;
      if (wanted !== undefined && (!grantable(wanted) || !(await roleExists(wanted, signal))))
        throw new OrgPortError('not_found', `No organization role ${wanted} to grant`, { vendor });
      const membership = await requireMembership(context, organizationId, userId, signal);
      if (context.adminRoles.has(membership.role)) {
        if (wanted === undefined) return;
        throw new OrgPortError(
          'failed_precondition',
          `User ${userId} is an admin of ${organizationId}, whose one role is ${membership.role}: revoke admin before setting role ${wanted}`,
          { vendor },
        );
      }
      const role = wanted ?? context.memberRole;
      if (membership.role !== role) await setRole(context, organizationId, userId, role, signal);
    },
    async revoke(organizationId, userId, grants, { signal }) {
      const membership = await requireMembership(context, organizationId, userId, signal);
      if (grantable(membership.role) && grants.some((grant) => grant.groupId === membership.role))
        await setRole(context, organizationId, userId, context.memberRole, signal);
    },
  };
}
