import type { SimRequest } from '@orgport/simulator-kit';
import { z } from 'zod';
import {
  badRequest,
  type CloudOrgContext,
  type CloudOrgRoute,
  callerIsAdmin,
  callerOf,
  isError,
  notFound,
  organizationFor,
  productFor,
} from './cloud-org-context.js';

const UpdatePermissions = z.object({
  permissionGroupIds: z.array(z.number().int()).nullish(),
  isAdmin: z.boolean().nullish(),
  isBillingManager: z.boolean().nullish(),
  removeFromPermissionGroupsWhereIdNotSet: z.boolean().optional(),
});

/** Organization members (v2 and deprecated v1), product members, permission updates and removals. */
export function memberRoutes(context: CloudOrgContext): CloudOrgRoute[] {
  const { store, quirks } = context;

  /** Users the caller may see in an organization (spec §2.3 visibility). */
  const visible = (request: SimRequest, organizationId: string) => {
    const members = store.memberships.get(organizationId) ?? new Map();
    const caller = callerOf(request);
    const admin = callerIsAdmin(context, request, organizationId);
    const manages = new Set(
      [...(members.get(caller)?.groups.entries() ?? [])]
        .filter(([, groupId]) => store.groups.get(groupId)?.flags.canManageMembers)
        .map(([productId]) => productId),
    );
    return [...members.entries()].filter(([userId, membership]) => {
      if (!quirks.listCaller && userId === caller) return false;
      if (admin || membership.isAdmin) return true;
      return [...membership.groups.keys()].some((productId) => manages.has(productId));
    });
  };
  const person = (userId: string) => {
    const user = store.users.get(userId);
    return {
      userId,
      fullName: user?.fullName ?? '',
      email: user?.email ?? '',
      twoFactorEnabled: user?.twoFactorEnabled ?? false,
    };
  };
  const permissionsOf = (groups: Map<string, number>) =>
    [...groups.entries()].flatMap(([productId, groupId]) => {
      const product = store.products.get(productId);
      const group = store.groups.get(groupId);
      return product && group
        ? [
            {
              product: { productId, name: product.name },
              permissionGroup: { permissionGroupId: groupId, name: group.name },
            },
          ]
        : [];
    });
  const admins = (organizationId: string) =>
    [...(store.memberships.get(organizationId)?.values() ?? [])].filter((m) => m.isAdmin).length;

  return [
    {
      method: 'GET',
      path: '/v2/organizations/:organizationId/members',
      handler: (request) => {
        const organization = organizationFor(context, request);
        if (isError(organization)) return organization;
        const entries = visible(request, organization.organizationId);
        const list = <T>(items: T[]) => (quirks.nullArrays && items.length === 0 ? null : items);
        return {
          status: 200,
          body: {
            admins: list(entries.filter(([, m]) => m.isAdmin).map(([id]) => person(id))),
            billingManagers: list(entries.filter(([, m]) => m.isBillingManager).map(([id]) => person(id))),
            members: list(
              entries
                .filter(([, m]) => quirks.adminsInMembers || !m.isAdmin)
                .map(([id, m]) => ({ ...person(id), permissions: permissionsOf(m.groups) })),
            ),
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/v1/organizations/:organizationId/members',
      handler: (request) => {
        const organization = organizationFor(context, request);
        if (isError(organization)) return organization;
        return { status: 200, body: visible(request, organization.organizationId).map(([id]) => person(id)) };
      },
    },
    {
      method: 'GET',
      path: '/v1/products/:productId/members',
      handler: (request) => {
        const product = productFor(context, request);
        if (isError(product)) return product;
        const rows = [...(store.memberships.get(product.organizationId)?.entries() ?? [])].flatMap(
          ([userId, m]) => {
            const groupId = m.groups.get(product.productId);
            if (groupId === undefined) return [];
            const { fullName, email } = person(userId);
            return [{ userId, productId: product.productId, permissionGroupId: groupId, fullName, email }];
          },
        );
        return { status: 200, body: rows };
      },
    },
    {
      method: 'POST',
      path: '/v1/organizations/:organizationId/members/:userId',
      handler: (request) => {
        const organization = organizationFor(context, request);
        if (isError(organization)) return organization;
        const membership = store.memberships
          .get(organization.organizationId)
          ?.get(request.params.userId ?? '');
        if (!membership) return notFound();
        const parsed = UpdatePermissions.safeParse(request.body ?? {});
        if (!parsed.success)
          return badRequest(
            context,
            String(parsed.error.issues[0]?.path[0] ?? 'body'),
            parsed.error.issues[0]?.message ?? 'Invalid.',
          );
        const body = parsed.data;
        const wanted = new Map<string, number>();
        for (const groupId of body.permissionGroupIds ?? []) {
          const group = store.groups.get(groupId);
          const product = group && store.products.get(group.productId);
          if (!group || product?.organizationId !== organization.organizationId) return notFound();
          if (wanted.has(group.productId))
            return badRequest(
              context,
              'permissionGroupIds',
              'Only one permission group can be set per product.',
            );
          wanted.set(group.productId, groupId);
        }
        if (
          body.isAdmin === false &&
          membership.isAdmin &&
          quirks.protectLastAdmin &&
          admins(organization.organizationId) === 1
        ) {
          return badRequest(context, 'isAdmin', 'The last Organization Admin cannot be demoted.');
        }
        if (body.removeFromPermissionGroupsWhereIdNotSet) membership.groups.clear();
        for (const [productId, groupId] of wanted) membership.groups.set(productId, groupId);
        if (typeof body.isAdmin === 'boolean') membership.isAdmin = body.isAdmin;
        if (typeof body.isBillingManager === 'boolean') membership.isBillingManager = body.isBillingManager;
        return { status: 200 };
      },
    },
    {
      method: 'DELETE',
      path: '/v1/organizations/:organizationId/members/:userId',
      handler: (request) => {
        const organization = organizationFor(context, request);
        if (isError(organization)) return organization;
        const members = store.memberships.get(organization.organizationId);
        const membership = members?.get(request.params.userId ?? '');
        if (!membership) return notFound();
        if (membership.isAdmin && quirks.protectLastAdmin && admins(organization.organizationId) === 1) {
          return badRequest(context, 'userId', 'The last Organization Admin cannot be removed.');
        }
        members?.delete(request.params.userId ?? '');
        return { status: 204 };
      },
    },
    {
      method: 'DELETE',
      path: '/v1/products/:productId/members/:userId',
      handler: (request) => {
        const product = productFor(context, request);
        if (isError(product)) return product;
        const membership = store.memberships.get(product.organizationId)?.get(request.params.userId ?? '');
        if (!membership) return notFound();
        membership.groups.delete(product.productId);
        return { status: 204 };
      },
    },
  ];
}
