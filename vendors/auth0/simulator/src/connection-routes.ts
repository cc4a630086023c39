import { z } from 'zod';
import { type Auth0Context, type Auth0Route, isResponse, organizationOr404 } from './auth0-context.js';
import { auth0Error, invalidBody } from './auth0-errors.js';
import { answerList } from './auth0-paging.js';
import type { Auth0EnabledConnection } from './auth0-store.js';

const Settings = {
  assign_membership_on_login: z.boolean().optional(),
  show_as_button: z.boolean().optional(),
  is_signup_enabled: z.boolean().optional(),
};
const EnableBody = z.object({ connection_id: z.string().min(1), ...Settings }).strict();
const UpdateBody = z.object(Settings).strict();
const connectionNotFound = () => auth0Error(404, 'No connection found by that id');
const SIGNUP_RULE =
  'Only database connections with assign_membership_on_login = true support is_signup_enabled = true.';

/** Enabled connections of organizations. */
export function connectionRoutes(context: Auth0Context): Auth0Route[] {
  const { store } = context;
  const enabledOf = (organizationId: string) => {
    let enabled = store.enabledConnections.get(organizationId);
    if (!enabled) {
      enabled = new Map();
      store.enabledConnections.set(organizationId, enabled);
    }
    return enabled;
  };
  const render = (connectionId: string, settings: Auth0EnabledConnection) => {
    const tenant = store.connections.get(connectionId);
    return {
      connection_id: connectionId,
      ...settings,
      connection: { name: tenant?.name, strategy: tenant?.strategy },
    };
  };
  const check = (connectionId: string, settings: Auth0EnabledConnection) =>
    store.connections.get(connectionId)?.strategy === 'auth0' &&
    settings.is_signup_enabled === true &&
    !settings.assign_membership_on_login
      ? auth0Error(400, SIGNUP_RULE, 'invalid_body')
      : undefined;

  return [
    {
      method: 'GET',
      path: '/api/v2/organizations/:id/enabled_connections',
      scopes: ['read:organization_connections'],
      handler: (request) => {
        const organization = organizationOr404(context, request);
        if (isResponse(organization)) return organization;
        const entries = [...enabledOf(organization.id).entries()];
        return answerList(
          request,
          { key: 'enabled_connections', checkpoint: false, capped: false, total: true, limit: 'items' },
          { count: () => entries.length, slice: (start, size) => entries.slice(start, start + size) },
          context.paging,
          ([id, settings]) => render(id, settings),
        );
      },
    },
    {
      method: 'POST',
      path: '/api/v2/organizations/:id/enabled_connections',
      scopes: ['create:organization_connections'],
      handler: (request) => {
        const organization = organizationOr404(context, request);
        if (isResponse(organization)) return organization;
        const parsed = EnableBody.safeParse(request.body);
        if (!parsed.success)
          return invalidBody(
            `'${parsed.error.issues[0]?.message}' on property ${parsed.error.issues[0]?.path.join('.')}.`,
          );
        const { connection_id: connectionId, ...rest } = parsed.data;
        const tenant = store.connections.get(connectionId);
        if (!tenant) return connectionNotFound();
        const enabled = enabledOf(organization.id);
        if (enabled.has(connectionId))
          return auth0Error(409, 'The connection is already enabled for this organization.');
        if (enabled.size >= 10)
          return auth0Error(400, 'An organization can have at most 10 enabled connections.', 'invalid_body');
        const settings: Auth0EnabledConnection = {
          assign_membership_on_login: rest.assign_membership_on_login ?? false,
          show_as_button: rest.show_as_button ?? true,
          ...(rest.is_signup_enabled !== undefined
            ? { is_signup_enabled: rest.is_signup_enabled }
            : tenant.strategy === 'auth0'
              ? { is_signup_enabled: false }
              : {}),
        };
        const refused = check(connectionId, settings);
        if (refused) return refused;
        enabled.set(connectionId, settings);
        return { status: 201, body: render(connectionId, settings) };
      },
    },
    {
      method: 'GET',
      path: '/api/v2/organizations/:id/enabled_connections/:connectionId',
      scopes: ['read:organization_connections'],
      handler: (request) => {
        const organization = organizationOr404(context, request);
        if (isResponse(organization)) return organization;
        const settings = enabledOf(organization.id).get(request.params.connectionId ?? '');
        return settings
          ? { status: 200, body: render(request.params.connectionId ?? '', settings) }
          : connectionNotFound();
      },
    },
    {
      method: 'PATCH',
      path: '/api/v2/organizations/:id/enabled_connections/:connectionId',
      scopes: ['update:organization_connections'],
      handler: (request) => {
        const organization = organizationOr404(context, request);
        if (isResponse(organization)) return organization;
        const connectionId = request.params.connectionId ?? '';
        const current = enabledOf(organization.id).get(connectionId);
        if (!current) return connectionNotFound();
        const parsed = UpdateBody.safeParse(request.body ?? {});
        if (!parsed.success) return invalidBody(`'${parsed.error.issues[0]?.message}'`);
        const updated = { ...current, ...parsed.data };
        const refused = check(connectionId, updated);
        if (refused) return refused;
        enabledOf(organization.id).set(connectionId, updated);
        return { status: 200, body: render(connectionId, updated) };
      },
    },
    {
      method: 'DELETE',
      path: '/api/v2/organizations/:id/enabled_connections/:connectionId',
      scopes: ['delete:organization_connections'],
      handler: (request) => {
        const organization = organizationOr404(context, request);
        if (isResponse(organization)) return organization;
        return enabledOf(organization.id).delete(request.params.connectionId ?? '')
          ? { status: 204 }
          : connectionNotFound();
      },
    },
  ];
}
