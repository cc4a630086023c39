import { z } from 'zod';
import {
  badRequest,
  type CloudOrgContext,
  type CloudOrgRoute,
  isError,
  notFound,
  organizationFor,
  productFor,
} from './cloud-org-context.js';
import type { CloudInvitation } from './cloud-org-store.js';

const Invite = z.object({ emails: z.array(z.string()), permissionGroupId: z.number().int() });

/** Invitations: invite per product group, list per organization or product, delete. */
export function invitationRoutes(context: CloudOrgContext): CloudOrgRoute[] {
  const { store } = context;
  const expired = (invitation: CloudInvitation) => Date.parse(invitation.expires) <= store.now();
  return [
    {
      method: 'POST',
      path: '/v1/products/:productId/members/invite',
      handler: (request) => {
        const product = productFor(context, request);
        if (isError(product)) return product;
        const parsed = Invite.safeParse(request.body);
        if (!parsed.success)
          return badRequest(
            context,
            String(parsed.error.issues[0]?.path[0] ?? 'emails'),
            'The field is required.',
          );
        const group = store.groups.get(parsed.data.permissionGroupId);
        if (!group || group.productId !== product.productId) return notFound();
        for (const email of parsed.data.emails) store.addInvitation(email, group.permissionGroupId);
        return { status: 200 };
      },
    },
    {
      method: 'GET',
      path: '/v1/organizations/:organizationId/invitations',
      handler: (request) => {
        const organization = organizationFor(context, request);
        if (isError(organization)) return organization;
        const rows = [...store.invitations.values()].flatMap((invitation) => {
          const product = store.products.get(invitation.productId);
          if (product?.organizationId !== organization.organizationId) return [];
          return [
            {
              invitationId: invitation.invitationId,
              email: invitation.email,
              productId: invitation.productId,
              productName: product.name,
              permissionGroupId: invitation.permissionGroupId,
              createdAt: invitation.createdAt,
              expired: expired(invitation),
              expires: invitation.expires,
            },
          ];
        });
        return { status: 200, body: rows };
      },
    },
    {
      method: 'GET',
      path: '/v1/products/:productId/invitations',
      handler: (request) => {
        const product = productFor(context, request);
        if (isError(product)) return product;
        const rows = [...store.invitations.values()]
          .filter((invitation) => invitation.productId === product.productId)
          .map((invitation) => ({
            invitationId: invitation.invitationId,
            email: invitation.email,
            permissionGroupId: invitation.permissionGroupId,
            createdAt: invitation.createdAt,
            expired: expired(invitation),
          }));
        return { status: 200, body: rows };
      },
    },
    {
      method: 'DELETE',
      path: '/v1/invitations/:invitationId',
      handler: (request) => {
        const invitation = store.invitations.get(request.params.invitationId ?? '');
        if (!invitation) return notFound();
        const product = productFor(context, request, invitation.productId);
        if (isError(product)) return product;
        store.invitations.delete(invitation.invitationId);
        return { status: 204 };
      },
    },
  ];
}
