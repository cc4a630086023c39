import { z } from 'zod';
import {
  badRequest,
  type CloudOrgContext,
  type CloudOrgRoute,
  isError,
  notFound,
  productFor,
  renderProduct,
} from './cloud-org-context.js';
import { type CloudPermissionGroup, PERMISSION_FLAGS } from './cloud-org-store.js';

const Access = z.enum(['full', 'readOnly', 'none']);
const Approval = z.enum(['cannotApprove', 'canApproveOthers', 'canBypassApproval']);
const flagFields = Object.fromEntries(PERMISSION_FLAGS.map((flag) => [flag, z.boolean().nullish()]));
const commonFields = {
  ...flagFields,
  accessType: z.enum(['readOnly', 'full', 'custom']).nullish(),
  newEnvironmentAccessType: Access.nullish(),
  environmentAccesses: z
    .array(z.object({ environmentId: z.uuid().optional(), environmentAccessType: Access.optional() }))
    .nullish(),
  approvalPermissionType: z
    .enum(['cannotApprove', 'canApproveOthers', 'canBypassApproval', 'custom'])
    .nullish(),
  newEnvironmentApprovalPermissionType: Approval.nullish(),
  environmentApprovalPermissions: z
    .array(
      z.object({
        environmentId: z.uuid().optional(),
        environmentApprovalPermissionType: Approval.optional(),
      }),
    )
    .nullish(),
};
const CreateGroup = z.object({ name: z.string().min(1).max(255), ...commonFields });
const UpdateGroup = z.object({ name: z.string().max(255).nullish(), ...commonFields });
type GroupBody = z.infer<typeof UpdateGroup>;

/** Permission groups of products (all 21 flags, access types, environment accesses). */
export function permissionGroupRoutes(context: CloudOrgContext): CloudOrgRoute[] {
  const { store } = context;

  const render = (group: CloudPermissionGroup) => {
    const product = store.products.get(group.productId);
    const environments = [...store.environments.values()].filter((env) => env.productId === group.productId);
    return {
      permissionGroupId: group.permissionGroupId,
      name: group.name,
      ...group.flags,
      accessType: group.accessType,
      newEnvironmentAccessType: group.newEnvironmentAccessType,
      environmentAccesses: environments.map((env) => ({
        environmentId: env.environmentId,
        name: env.name,
        color: env.color,
        description: env.description,
        order: env.order,
        reasonRequired: env.reasonRequired,
        approveRequired: env.approveRequired,
        environmentAccessType:
          group.accessType === 'custom'
            ? (group.environmentAccess.get(env.environmentId) ?? 'none')
            : group.accessType === 'full'
              ? 'full'
              : 'readOnly',
      })),
      product: product ? renderProduct(context, product) : null,
      approvalPermissionType: group.approvalPermissionType,
      newEnvironmentApprovalPermissionType: group.newEnvironmentApprovalPermissionType,
      environmentApprovalPermissions: environments.map((env) => ({
        environmentId: env.environmentId,
        environmentApprovalPermissionType:
          group.environmentApproval.get(env.environmentId) ?? 'cannotApprove',
      })),
    };
  };

  const apply = (group: CloudPermissionGroup, body: GroupBody) => {
    if (body.name) group.name = body.name;
    for (const flag of PERMISSION_FLAGS) {
      const value = (body as Record<string, unknown>)[flag];
      if (typeof value === 'boolean') group.flags[flag] = value;
    }
    if (body.accessType) group.accessType = body.accessType;
    if (body.newEnvironmentAccessType) group.newEnvironmentAccessType = body.newEnvironmentAccessType;
    for (const access of body.environmentAccesses ?? []) {
      if (access.environmentId && access.environmentAccessType)
        group.environmentAccess.set(access.environmentId, access.environmentAccessType);
    }
    if (body.approvalPermissionType) group.approvalPermissionType = body.approvalPermissionType;
    if (body.newEnvironmentApprovalPermissionType)
      group.newEnvironmentApprovalPermissionType = body.newEnvironmentApprovalPermissionType;
    for (const approval of body.environmentApprovalPermissions ?? []) {
      if (approval.environmentId && approval.environmentApprovalPermissionType)
        group.environmentApproval.set(approval.environmentId, approval.environmentApprovalPermissionType);
    }
  };

  const groupFor = (request: Parameters<CloudOrgRoute['handler']>[0]) => {
    const raw = request.params.permissionGroupId ?? '';
    if (!/^\d+$/.test(raw)) return badRequest(context, 'permissionGroupId', 'The value is not valid.');
    const group = store.groups.get(Number(raw));
    if (!group) return notFound();
    const product = productFor(context, request, group.productId);
    return isError(product) ? product : group;
  };
  const isGroup = (value: unknown): value is CloudPermissionGroup =>
    typeof value === 'object' && value !== null && 'permissionGroupId' in value;

  return [
    {
      method: 'GET',
      path: '/v1/products/:productId/permissions',
      handler: (request) => {
        const product = productFor(context, request);
        if (isError(product)) return product;
        return {
          status: 200,
          body: [...store.groups.values()].filter((g) => g.productId === product.productId).map(render),
        };
      },
    },
    {
      method: 'POST',
      path: '/v1/products/:productId/permissions',
      handler: (request) => {
        const product = productFor(context, request);
        if (isError(product)) return product;
        const parsed = CreateGroup.safeParse(request.body);
        if (!parsed.success)
          return badRequest(
            context,
            String(parsed.error.issues[0]?.path[0] ?? 'name'),
            parsed.error.issues[0]?.message ?? 'Invalid.',
          );
        const group = store.addGroup(product.productId, parsed.data.name);
        apply(group, parsed.data);
        return { status: 201, body: render(group) };
      },
    },
    {
      method: 'GET',
      path: '/v1/permissions/:permissionGroupId',
      handler: (request) => {
        const group = groupFor(request);
        return isGroup(group) ? { status: 200, body: render(group) } : group;
      },
    },
    {
      method: 'PUT',
      path: '/v1/permissions/:permissionGroupId',
      handler: (request) => {
        const group = groupFor(request);
        if (!isGroup(group)) return group;
        const parsed = UpdateGroup.safeParse(request.body ?? {});
        if (!parsed.success)
          return badRequest(
            context,
            String(parsed.error.issues[0]?.path[0] ?? 'name'),
            parsed.error.issues[0]?.message ?? 'Invalid.',
          );
        apply(group, parsed.data);
        return { status: 200, body: render(group) };
      },
    },
    {
      method: 'DELETE',
      path: '/v1/permissions/:permissionGroupId',
      handler: (request) => {
        const group = groupFor(request);
        if (!isGroup(group)) return group;
        store.groups.delete(group.permissionGroupId);
        if (context.quirks.cascadeDeletes) {
          for (const members of store.memberships.values()) {
            for (const membership of members.values())
              if (membership.groups.get(group.productId) === group.permissionGroupId)
                membership.groups.delete(group.productId);
          }
          for (const [id, invitation] of store.invitations)
            if (invitation.permissionGroupId === group.permissionGroupId) store.invitations.delete(id);
        }
        return { status: 204 };
      },
    },
  ];
}
