import { type ConnectionSettings, OrgPortError } from '@orgport/core';
import { type ConnectionPort, path, verifiedWrite } from '@orgport/core/driver';
import type { Auth0Context } from '../auth0-context.js';
import { fetchOffsetPage } from '../offset-page.js';
import { toConnection } from '../wire/auth0-mapping.js';
import { WireEnabledConnection } from '../wire/auth0-wire-schemas.js';

const toWire = (settings: ConnectionSettings) => ({
  ...(settings.assignMembershipOnLogin !== undefined
    ? { assign_membership_on_login: settings.assignMembershipOnLogin }
    : {}),
  ...(settings.showAsButton !== undefined ? { show_as_button: settings.showAsButton } : {}),
  ...(settings.isSignupEnabled !== undefined ? { is_signup_enabled: settings.isSignupEnabled } : {}),
});

/** Enabled connections of organizations on Auth0. */
export function auth0ConnectionsPort(context: Auth0Context): ConnectionPort {
  const { http } = context;
  const one = (organizationId: string, connectionId: string) =>
    path`/organizations/${organizationId}/enabled_connections/${connectionId}`;
  return {
    async list(organizationId, { cursor, pageSize, signal }) {
      const page = await fetchOffsetPage(context, {
        path: path`/organizations/${organizationId}/enabled_connections`,
        key: 'enabled_connections',
        item: WireEnabledConnection,
        cursor,
        pageSize,
        signal,
        capped: false,
        operation: 'connections.list',
      });
      return { items: page.items.map(toConnection), next: page.next };
    },
    async get(organizationId, connectionId, { signal }) {
      const { data } = await http.request({
        method: 'GET',
        path: one(organizationId, connectionId),
        schema: WireEnabledConnection,
        signal,
      });
      return toConnection(data);
    },
    async enable(organizationId, connectionId, settings, { signal }) {
      return verifiedWrite({
        write: async () => {
          const { data } = await http.request({
            method: 'POST',
            path: path`/organizations/${organizationId}/enabled_connections`,
            json: { connection_id: connectionId, ...toWire(settings) },
            schema: WireEnabledConnection,
            signal,
          });
          return toConnection(data);
        },
        verify: async () => {
          try {
            const { data } = await http.request({
              method: 'GET',
              path: one(organizationId, connectionId),
              schema: WireEnabledConnection,
              signal,
            });
            return toConnection(data);
          } catch (error) {
            if (OrgPortError.is(error, 'not_found')) return undefined;
            throw error;
          }
        },
        conflictMeansDone: true,
      });
    },
    async update(organizationId, connectionId, settings, { signal }) {
      const { data } = await http.request({
        method: 'PATCH',
        path: one(organizationId, connectionId),
        json: toWire(settings),
        schema: WireEnabledConnection,
        idempotent: true,
        signal,
      });
      return toConnection(data);
    },
    async disable(organizationId, connectionId, { signal }) {
      await http.request({ method: 'DELETE', path: one(organizationId, connectionId), signal });
    },
  };
}
