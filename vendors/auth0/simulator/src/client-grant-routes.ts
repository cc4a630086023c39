import { z } from 'zod';
import { type Auth0Context, type Auth0Route, isResponse, organizationOr404 } from './auth0-context.js';
import { auth0Error, invalidBody } from './auth0-errors.js';
import { answerList } from './auth0-paging.js';
import type { Auth0ClientGrant } from './auth0-store.js';

const AssociateBody = z.object({ grant_id: z.string().min(1) }).strict();

/** Client grants associated with organizations, and the organizations of a grant. */
export function clientGrantRoutes(context: Auth0Context): Auth0Route[] {
  const { store } = context;
  const grantsOf = (organizationId: string) => {
    let grants = store.organizationClientGrants.get(organizationId);
    if (!grants) {
      grants = new Set();
      store.organizationClientGrants.set(organizationId, grants);
    }
    return grants;
  };
  return [
    {
      method: 'GET',
      path: '/api/v2/organizations/:id/client-grants',
      scopes: ['read:organization_client_grants'],
      handler: (request) => {
        const organization = organizationOr404(context, request);
        if (isResponse(organization)) return organization;
        const audience = request.query.get('audience');
        const clientId = request.query.get('client_id');
        const ids = request.query.getAll('grant_ids');
        const grants = [...grantsOf(organization.id)]
          .flatMap((id) => store.clientGrants.get(id) ?? [])
          .filter(
            (grant) =>
              (audience === null || grant.audience === audience) &&
              (clientId === null || grant.client_id === clientId) &&
              (ids.length === 0 || ids.includes(grant.id)),
          );
        return answerList(
          request,
          { key: 'client_grants', checkpoint: false, capped: false, total: true, limit: 'per_page' },
          { count: () => grants.length, slice: (start, size) => grants.slice(start, start + size) },
          context.paging,
          (grant: Auth0ClientGrant) => ({ ...grant }),
        );
      },
    },
    {
      method: 'POST',
      path: '/api/v2/organizations/:id/client-grants',
      scopes: ['create:organization_client_grants'],
      handler: (request) => {
        const organization = organizationOr404(context, request);
        if (isResponse(organization)) return organization;
        const parsed = AssociateBody.safeParse(request.body);
        if (!parsed.success) return invalidBody("'Missing required property: grant_id'");
        const grant = store.clientGrants.get(parsed.data.grant_id);
        if (!grant) return auth0Error(404, 'The grant does not exist.');
        const grants = grantsOf(organization.id);
        if (grants.has(grant.id))
          return auth0Error(409, 'The client grant has already been added to this organization.');
        if (grants.size >= 100)
          return auth0Error(400, 'An organization can have at most 100 client grants.', 'invalid_body');
        grants.add(grant.id);
        const body =
          context.quirks.associateGrantResponse === 'observed'
            ? { grant_id: grant.id, client_id: grant.client_id, audience: grant.audience, scope: grant.scope }
            : { ...grant };
        return { status: 201, body };
      },
    },
    {
      method: 'DELETE',
      path: '/api/v2/organizations/:id/client-grants/:grantId',
      scopes: ['delete:organization_client_grants'],
      handler: (request) => {
        const organization = organizationOr404(context, request);
        if (isResponse(organization)) return organization;
        return grantsOf(organization.id).delete(request.params.grantId ?? '')
          ? { status: 204 }
          : auth0Error(404, 'The grant does not exist.');
      },
    },
  ];
}
