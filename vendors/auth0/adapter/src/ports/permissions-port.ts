import { type GrantInput, OrgPortError, type PermissionGrant } from '@orgport/core';
import { chunk, type PermissionPort, path } from '@orgport/core/driver';
import { type Auth0Context, ROLES_PER_CALL } from '../auth0-context.js';
import { fetchOffsetPage, offsetList } from '../offset-page.js';
import { kindOfRole, roleGrant } from '../wire/auth0-mapping.js';
import { WireOrganization, WireRole } from '../wire/auth0-wire-schemas.js';

/** Role ids of grants (the facade lets only organization-scope grants reach Auth0). */
function organizationRoleIds(grants: readonly GrantInput[]): string[] {
  return [...new Set(grants.map((grant) => grant.groupId))];
}

/**
 * Organization roles on Auth0 as permission groups. Kind roles (admin, billing manager)
 * are kept out of grants: `set` and `revoke` never touch them, so kinds and grants stay
 * independent as on every other vendor.
 */
export function auth0PermissionsPort(context: Auth0Context): PermissionPort {
  const { http, vendor } = context;

  /** The member's roles; a user with none is checked for membership (Auth0 may answer 200 for non-members). */
  const memberRoles = async (organizationId: string, userId: string, signal?: AbortSignal) => {
    const roles = await offsetList(
      context,
      {
        path: path`/organizations/${organizationId}/members/${userId}/roles`,
        key: 'roles',
        item: WireRole,
        signal,
        capped: true,
        operation: 'permissions.grants',
      },
      (role) => role.id,
    ).toArray();
    if (roles.length === 0) await assertMember(organizationId, userId, signal);
    return roles;
  };

  const assertMember = async (organizationId: string, userId: string, signal?: AbortSignal) => {
    const organizations = offsetList(
      context,
      {
        path: path`/users/${userId}/organizations`,
        key: 'organizations',
        item: WireOrganization,
        signal,
        capped: true,
        operation: 'permissions.grants',
      },
      (org) => org.id,
    );
    for await (const org of organizations) if (org.id === organizationId) return;
    throw new OrgPortError('not_found', `User ${userId} is not a member of organization ${organizationId}`, {
      vendor,
    });
  };

  const writeRoles = async (
    method: 'POST' | 'DELETE',
    organizationId: string,
    userId: string,
    roles: readonly string[],
    signal?: AbortSignal,
  ) => {
    for (const batch of chunk(roles, ROLES_PER_CALL)) {
      await http.request({
        method,
        path: path`/organizations/${organizationId}/members/${userId}/roles`,
        json: { roles: batch },
        idempotent: true,
        signal,
      });
    }
  };

  const grantsOf = (roles: readonly { id: string; name: string }[]): PermissionGrant[] =>
    roles.filter((role) => kindOfRole(role.name, context.kinds) === undefined).map(roleGrant);

  return {
    async groups(scope, { cursor, pageSize, signal }) {
      if (scope?.type === 'product') throw new OrgPortError('not_found', 'Auth0 has no products', { vendor });
      const page = await fetchOffsetPage(context, {
        path: '/roles',
        key: 'roles',
        item: WireRole,
        cursor,
        pageSize,
        signal,
        capped: true,
        operation: 'permissions.groups',
      });
      return {
        items: page.items.map((role) => ({
          id: role.id,
          name: role.name,
          scope: { type: 'organization' as const },
          ...(role.description ? { description: role.description } : {}),
        })),
        next: page.next,
      };
    },
    async grants(organizationId, userId, { signal }) {
      return grantsOf(await memberRoles(organizationId, userId, signal));
    },
    async set(organizationId, userId, grants, { signal }) {
      const wanted = new Set(organizationRoleIds(grants));
      const held = grantsOf(await memberRoles(organizationId, userId, signal)).map((grant) => grant.group.id);
      const toAdd = [...wanted].filter((id) => !held.includes(id));
      const toRemove = held.filter((id) => !wanted.has(id));
      await writeRoles('POST', organizationId, userId, toAdd, signal);
      await writeRoles('DELETE', organizationId, userId, toRemove, signal);
    },
    async grant(organizationId, userId, grants, { signal }) {
      // Auth0 adds roles without touching the others: the change alone is sent.
      await writeRoles('POST', organizationId, userId, organizationRoleIds(grants), signal);
    },
    async revoke(organizationId, userId, grants, { signal }) {
      await writeRoles('DELETE', organizationId, userId, organizationRoleIds(grants), signal);
    },
  };
}
