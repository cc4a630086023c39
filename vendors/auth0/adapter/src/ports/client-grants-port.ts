import { type ClientGrantPort, path, verifiedWrite } from '@orgport/core/driver';
import type { Auth0Context } from '../auth0-context.js';
import { fetchOffsetPage } from '../offset-page.js';
import { toClientGrant } from '../wire/auth0-mapping.js';
import { WireClientGrant, wireList } from '../wire/auth0-wire-schemas.js';

/** Client grants associated with organizations on Auth0 (both observed response shapes accepted). */
export function auth0ClientGrantsPort(context: Auth0Context): ClientGrantPort {
  const { http } = context;
  return {
    async list(organizationId, { cursor, pageSize, signal }) {
      const page = await fetchOffsetPage(context, {
        path: path`/organizations/${organizationId}/client-grants`,
        key: 'client_grants',
        item: WireClientGrant,
        cursor,
        pageSize,
        signal,
        capped: false,
        operation: 'clientGrants.list',
      });
      return { items: page.items.map(toClientGrant), next: page.next };
    },
    async associate(organizationId, grantId, { signal }) {
      return verifiedWrite({
        write: async () => {
          const { data } = await http.request({
            method: 'POST',
            path: path`/organizations/${organizationId}/client-grants`,
            json: { grant_id: grantId },
            schema: WireClientGrant,
            signal,
          });
          return toClientGrant(data);
        },
        // After an unknown outcome, the grant is listed if the association happened.
        verify: async () => {
          const { data } = await http.request({
            method: 'GET',
            path: path`/organizations/${organizationId}/client-grants`,
            query: { grant_ids: [grantId], include_totals: true },
            schema: wireList('client_grants', WireClientGrant),
            signal,
          });
          const found = data.items.find((grant) => (grant.id ?? grant.grant_id) === grantId);
          return found ? toClientGrant(found) : undefined;
        },
        conflictMeansDone: true,
      });
    },
    async remove(organizationId, grantId, { signal }) {
      await http.request({
        method: 'DELETE',
        path: path`/organizations/${organizationId}/client-grants/${grantId}`,
        signal,
      });
    },
  };
}
