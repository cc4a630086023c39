import { z } from 'zod';
import { type Auth0Context, type Auth0Route, isResponse, organizationOr404 } from './auth0-context.js';
import { auth0Error, invalidBody } from './auth0-errors.js';
import { answerList } from './auth0-paging.js';
import type { Auth0Invitation } from './auth0-store.js';

const DEFAULT_TTL_SECONDS = 604_800;
const CreateBody = z
  .object({
    inviter: z.object({ name: z.string().min(1).max(300) }).strict(),
    invitee: z.object({ email: z.email() }).strict(),
    client_id: z.string().min(1),
    connection_id: z.string().optional(),
    app_metadata: z.record(z.string(), z.unknown()).optional(),
    user_metadata: z.record(z.string(), z.unknown()).optional(),
    ttl_sec: z.number().int().min(0).max(2_592_000).optional(),
    roles: z.array(z.string()).min(1).max(50).optional(),
    send_invitation_email: z.boolean().optional(),
  })
  .strict();
const invitationNotFound = () => auth0Error(404, 'The invitation does not exist.', 'inexistent_invitation');

/** Organization invitations. */
export function invitationRoutes(context: Auth0Context): Auth0Route[] {
  const { store } = context;
  const invitationsOf = (organizationId: string) => {
    let invitations = store.invitations.get(organizationId);
    if (!invitations) {
      invitations = new Map();
      store.invitations.set(organizationId, invitations);
    }
    return invitations;
  };
  const live = (organizationId: string) => {
    const invitations = invitationsOf(organizationId);
    for (const [id, invitation] of invitations) {
      if (Date.parse(invitation.expires_at) <= store.now()) invitations.delete(id);
    }
    return invitations;
  };
  return [
    {
      method: 'GET',
      path: '/api/v2/organizations/:id/invitations',
      scopes: ['read:organization_invitations'],
      handler: (request) => {
        const organization = organizationOr404(context, request);
        if (isResponse(organization)) return organization;
        // Default sort created_at:-1 (newest first).
        const all = [...live(organization.id).values()].reverse();
        return answerList(
          request,
          { key: 'invitations', checkpoint: false, capped: false, total: false, limit: 'items' },
          { count: () => all.length, slice: (start, size) => all.slice(start, start + size) },
          context.paging,
          (invitation: Auth0Invitation) => ({ ...invitation }),
        );
      },
    },
    {
      method: 'POST',
      path: '/api/v2/organizations/:id/invitations',
      scopes: ['create:organization_invitations'],
      handler: (request) => {
        const organization = organizationOr404(context, request);
        if (isResponse(organization)) return organization;
        const parsed = CreateBody.safeParse(request.body);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          return invalidBody(`'${issue?.message}' on property ${issue?.path.join('.')}.`);
        }
        const body = parsed.data;
        if (!store.clients.has(body.client_id)) return auth0Error(404, 'The client does not exist.');
        if (body.connection_id !== undefined && !store.connections.has(body.connection_id)) {
          return auth0Error(404, 'No connection found by that id');
        }
        if (body.roles?.some((id) => !store.roles.has(id)))
          return auth0Error(404, 'The role does not exist.');
        const created = store.now();
        const ticket = store.random.string(32);
        const invitation: Auth0Invitation = {
          id: store.id('uinv'),
          organization_id: organization.id,
          inviter: body.inviter,
          invitee: body.invitee,
          invitation_url: `https://login.example.com/login?invitation=${ticket}&organization=${organization.id}&organization_name=${encodeURIComponent(organization.name)}`,
          ticket_id: ticket,
          created_at: new Date(created).toISOString(),
          expires_at: new Date(created + (body.ttl_sec || DEFAULT_TTL_SECONDS) * 1000).toISOString(),
          client_id: body.client_id,
          ...(body.connection_id !== undefined ? { connection_id: body.connection_id } : {}),
          ...(body.roles !== undefined ? { roles: body.roles } : {}),
          ...(body.app_metadata !== undefined ? { app_metadata: body.app_metadata } : {}),
          ...(body.user_metadata !== undefined ? { user_metadata: body.user_metadata } : {}),
        };
        invitationsOf(organization.id).set(invitation.id, invitation);
        return { status: context.quirks.createInvitationStatus, body: invitation };
      },
    },
    {
      method: 'GET',
      path: '/api/v2/organizations/:id/invitations/:invitationId',
      scopes: ['read:organization_invitations'],
      handler: (request) => {
        const organization = organizationOr404(context, request);
        if (isResponse(organization)) return organization;
        const invitation = live(organization.id).get(request.params.invitationId ?? '');
        return invitation ? { status: 200, body: { ...invitation } } : invitationNotFound();
      },
    },
    {
      method: 'DELETE',
      path: '/api/v2/organizations/:id/invitations/:invitationId',
      scopes: ['delete:organization_invitations'],
      handler: (request) => {
        const organization = organizationOr404(context, request);
        if (isResponse(organization)) return organization;
        return live(organization.id).delete(request.params.invitationId ?? '')
          ? { status: 204 }
          : invitationNotFound();
      },
    },
  ];
}
