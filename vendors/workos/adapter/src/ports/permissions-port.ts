import { type GrantInput, OrgPortError, type PermissionGroup } from '@orgport/core';
import type { PermissionPort } from '@orgport/core/driver';
import { slugsOf, toMember } from '../wire/workos-mapping.js';
import { fetchRoles, requireMembership, rolesOf, type WorkOSContext, writeRoles } from '../workos-context.js';

/**
 * WorkOS roles as organization-scope permission groups, by slug. Kind roles (admin) and the
 * default role are kept out of groups and grants. `set` checks every slug against the
 * roles that apply to the organization before it writes (WorkOS answers `invalid_role`; the
 * emulator accepts any slug). On a single-role environment an admin's role is the admin
 * role: setting other roles for an admin fails with `failed_precondition`.
 */
export function workosPermissionsPort(context: WorkOSContext): PermissionPort {
  const { vendor, model } = context;
  const isGroupRole = (slug: string) => !model.adminSlugs.has(slug) && slug !== model.defaultRole;

  /** Slugs known to exist per organization; an unknown one is looked up afresh. */
  const known = new Map<string, Set<string>>();
  const resolve = async (organizationId: string, grants: readonly GrantInput[], signal?: AbortSignal) => {
    const slugs = [...new Set(grants.map((grant) => grant.groupId))];
    if (slugs.every((slug) => known.get(organizationId)?.has(slug))) return slugs;
    const roles = new Set((await rolesOf(context, organizationId, signal)).keys());
    known.set(organizationId, roles);
    for (const slug of slugs) {
      if (!roles.has(slug) || !isGroupRole(slug))
        throw new OrgPortError('not_found', `No role ${slug} applies to organization ${organizationId}`, {
          vendor,
        });
    }
    return slugs;
  };

  const setSlugs = async (organizationId: string, userId: string, slugs: string[], signal?: AbortSignal) => {
    const membership = await requireMembership(context, organizationId, userId, signal);
    const kindSlugs = slugsOf(membership).filter((slug) => model.adminSlugs.has(slug));
    if (!context.multipleRoles && kindSlugs.length > 0) {
      if (slugs.length === 0) return;
      throw new OrgPortError(
        'failed_precondition',
        `User ${userId} is an admin: on a single-role WorkOS environment the admin role is their one role`,
        { vendor },
      );
    }
    await writeRoles(context, membership, [...kindSlugs, ...slugs], signal);
  };

  return {
    async groups(scope, { signal }) {
      if (scope?.type === 'product')
        throw new OrgPortError('not_found', `WorkOS has no products (asked for ${scope.productId})`, {
          vendor,
        });
      const roles = await fetchRoles(context, '/authorization/roles', signal);
      const items: PermissionGroup[] = roles
        .filter((role) => isGroupRole(role.slug))
        .map((role) => ({
          id: role.slug,
          name: role.name,
          scope: { type: 'organization' },
          ...(role.description ? { description: role.description } : {}),
        }));
      return { items };
    },
    async grants(organizationId, userId, { signal }) {
      const membership = await requireMembership(context, organizationId, userId, signal);
      return toMember(membership, undefined, model).grants;
    },
    async set(organizationId, userId, grants, { signal }) {
      await setSlugs(organizationId, userId, await resolve(organizationId, grants, signal), signal);
    },
    async revoke(organizationId, userId, grants, { signal }) {
      const membership = await requireMembership(context, organizationId, userId, signal);
      const revoked = new Set(grants.map((grant) => grant.groupId));
      const held = slugsOf(membership).filter(isGroupRole);
      if (!held.some((slug) => revoked.has(slug))) return;
      await setSlugs(
        organizationId,
        userId,
        held.filter((slug) => !revoked.has(slug)),
        signal,
      );
    },
  };
}
