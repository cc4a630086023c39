import { type PermissionGroup, throwIfAborted } from '@orgport/core';
import { offsetCursor, type PermissionPort } from '@orgport/core/driver';
import { type BetterAuthContext, staticRoles } from '../better-auth-context.js';
import type { OrganizationRoleRow } from '../model/better-auth-rows.js';
import { isReservedRole, joinRoles, parseRoleList } from '../model/role-kinds.js';
import { grantRolesOf, roleGrant } from '../model/to-member.js';
import { pageOf } from './offset-page.js';
import { dynamicRoles, requireMember, requireRoles } from './role-catalog.js';

const ORGANIZATION_SCOPE = Object.freeze({ type: 'organization' as const });

/** A custom role's permission statement as a description (`project: create, update; …`). */
function describePermission(stored: string): string | undefined {
  try {
    const statement = JSON.parse(stored) as Record<string, readonly string[]>;
    return Object.entries(statement)
      .map(([resource, actions]) => `${resource}: ${actions.join(', ')}`)
      .join('; ');
  } catch {
    return undefined;
  }
}

/**
 * Roles as organization-scope permission groups, the role name being the group's id. The
 * groups are the app's roles (built-in and `organization({ roles })`) other than the kind
 * roles and the base `member` role, and, with dynamic access control, the custom roles of
 * every organization (one group per name; its permission statement as the description).
 * Grants are written with the data layer's `updateMember` (Better Auth's update call needs
 * a session); the kind roles a member holds are kept as they are.
 */
export function betterAuthPermissionsPort(context: BetterAuthContext): PermissionPort {
  const setRoles = (
    organizationId: string,
    userId: string,
    change: (grants: string[]) => string[],
    signal?: AbortSignal,
  ) =>
    context.run(signal, async (auth) => {
      const member = await requireMember(auth, organizationId, userId);
      const held = parseRoleList(member.role);
      const kept = held.filter((role) => isReservedRole(role, auth.classes));
      const before = grantRolesOf(member.role, auth.classes);
      const after = change(before);
      await requireRoles(
        auth,
        organizationId,
        after.filter((role) => !before.includes(role)),
      );
      const next = joinRoles([...kept, ...after], auth.classes);
      if (next === member.role) return;
      throwIfAborted(signal, context.vendor);
      await auth.org.updateMember(member.id, next);
    });
  return {
    groups: (scope, { cursor, pageSize, signal }) =>
      context.run(signal, async (auth) => {
        if (scope && scope.type !== 'organization') return { items: [] };
        const defined: PermissionGroup[] = [...staticRoles(auth.options)]
          .filter((role) => !isReservedRole(role, auth.classes))
          .map((role) => ({ id: role, name: role, scope: ORGANIZATION_SCOPE }));
        if (!dynamicRoles(auth)) return { items: defined };
        // Static roles first (one page), then the custom roles, a page at a time.
        const { page, size, offset } = pageOf(cursor, pageSize, context.pageSize);
        const rows = await auth.db.findMany<OrganizationRoleRow>({
          model: 'organizationRole',
          limit: size,
          offset,
          sortBy: { field: 'role', direction: 'asc' },
        });
        const names = new Set(defined.map((group) => group.id));
        const custom = rows
          .filter((row) => !names.has(row.role) && !isReservedRole(row.role, auth.classes))
          .map((row): PermissionGroup => {
            const description = describePermission(row.permission);
            return {
              id: row.role,
              name: row.role,
              scope: ORGANIZATION_SCOPE,
              ...(description ? { description: `custom role: ${description}` } : {}),
            };
          });
        return {
          items: page === 0 ? [...defined, ...custom] : custom,
          next: offsetCursor.after(page, size, rows.length),
        };
      }),
    grants: (organizationId, userId, { signal }) =>
      context.run(signal, async (auth) =>
        grantRolesOf((await requireMember(auth, organizationId, userId)).role, auth.classes).map(roleGrant),
      ),
    set: (organizationId, userId, grants, { signal }) =>
      setRoles(organizationId, userId, () => [...new Set(grants.map((grant) => grant.groupId))], signal),
    revoke: (organizationId, userId, grants, { signal }) => {
      const drop = new Set(grants.map((grant) => grant.groupId));
      return setRoles(organizationId, userId, (held) => held.filter((role) => !drop.has(role)), signal);
    },
  };
}
