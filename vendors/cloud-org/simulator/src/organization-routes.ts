import { z } from 'zod';
import {
  badRequest,
  type CloudOrgContext,
  type CloudOrgRoute,
  callerOf,
  isError,
  notFound,
  organizationFor,
  productFor,
  renderProduct,
} from './cloud-org-context.js';

const CreateProduct = z.object({
  name: z.string().min(1).max(1000),
  description: z.string().max(1000).nullish(),
  order: z.number().int().nullish(),
});
const UpdateProduct = z.object({
  name: z.string().max(1000).nullish(),
  description: z.string().max(1000).nullish(),
  order: z.number().int().nullish(),
});

/** Organizations of the caller, `/v1/me`, limitations and products. */
export function organizationRoutes(context: CloudOrgContext): CloudOrgRoute[] {
  const { store } = context;
  const mine = (userId: string) =>
    [...store.organizations.values()].filter((org) => store.memberships.get(org.organizationId)?.has(userId));
  return [
    {
      method: 'GET',
      path: '/v1/organizations',
      handler: (request) => ({
        status: 200,
        body: mine(callerOf(request)).map((org) => ({ organizationId: org.organizationId, name: org.name })),
      }),
    },
    {
      method: 'GET',
      path: '/v1/me',
      handler: (request) => {
        const user = store.users.get(callerOf(request));
        return { status: 200, body: { email: user?.email ?? '', fullName: user?.fullName ?? '' } };
      },
    },
    {
      method: 'GET',
      path: '/v1/organizations/:organizationId/organization-limitations',
      handler: (request) => {
        const organization = organizationFor(context, request);
        if (isError(organization)) return organization;
        return {
          status: 200,
          body: {
            maxTargetingRuleCount: 100,
            maxPercentageOptionCount: 100,
            maxConditionPerRuleCount: 10,
            maxSegmentCount: 100,
            maxSettingCount: 1000,
            maxConfigCount: 100,
            maxEnvironmentCount: 10,
            maxProductCount: 50,
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/v1/products',
      handler: (request) => {
        const ids = new Set(mine(callerOf(request)).map((org) => org.organizationId));
        return {
          status: 200,
          body: [...store.products.values()]
            .filter((p) => ids.has(p.organizationId))
            .map((p) => renderProduct(context, p)),
        };
      },
    },
    {
      method: 'POST',
      path: '/v1/organizations/:organizationId/products',
      handler: (request) => {
        const organization = organizationFor(context, request);
        if (isError(organization)) return organization;
        const parsed = CreateProduct.safeParse(request.body);
        if (!parsed.success)
          return badRequest(
            context,
            String(parsed.error.issues[0]?.path[0] ?? 'name'),
            parsed.error.issues[0]?.message ?? 'Invalid.',
          );
        const product = store.addProduct(
          organization.organizationId,
          parsed.data.name,
          parsed.data.description ?? null,
        );
        if (parsed.data.order !== undefined && parsed.data.order !== null) product.order = parsed.data.order;
        return { status: 201, body: renderProduct(context, product) };
      },
    },
    {
      method: 'GET',
      path: '/v1/products/:productId',
      handler: (request) => {
        const product = productFor(context, request);
        return isError(product) ? product : { status: 200, body: renderProduct(context, product) };
      },
    },
    {
      method: 'PUT',
      path: '/v1/products/:productId',
      handler: (request) => {
        const product = productFor(context, request);
        if (isError(product)) return product;
        const parsed = UpdateProduct.safeParse(request.body ?? {});
        if (!parsed.success)
          return badRequest(
            context,
            String(parsed.error.issues[0]?.path[0] ?? 'name'),
            parsed.error.issues[0]?.message ?? 'Invalid.',
          );
        if (parsed.data.name) product.name = parsed.data.name;
        if (parsed.data.description !== undefined && parsed.data.description !== null)
          product.description = parsed.data.description;
        if (parsed.data.order !== undefined && parsed.data.order !== null) product.order = parsed.data.order;
        return { status: 200, body: renderProduct(context, product) };
      },
    },
    {
      method: 'DELETE',
      path: '/v1/products/:productId',
      handler: (request) => {
        const product = productFor(context, request);
        if (isError(product)) return product;
        store.products.delete(product.productId);
        if (context.quirks.cascadeDeletes) {
          for (const [id, group] of store.groups)
            if (group.productId === product.productId) store.groups.delete(id);
          for (const members of store.memberships.values())
            for (const m of members.values()) m.groups.delete(product.productId);
          for (const [id, invitation] of store.invitations)
            if (invitation.productId === product.productId) store.invitations.delete(id);
        }
        return { status: 204 };
      },
    },
    { method: 'GET', path: '/v1/organizations/:organizationId/products', handler: () => notFound() },
  ];
}
