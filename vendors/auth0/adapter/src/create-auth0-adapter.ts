import { type Adapter, OrgPortError, validateInput } from '@orgport/core';
import {
  bearerTokenProvider,
  createHttpClient,
  type HttpClient,
  parseBaseUrl,
  staticBearer,
} from '@orgport/core/driver';
import { type Auth0AdapterOptions, Auth0AdapterOptionsSchema } from './auth0-adapter-options.js';
import { AUTH0_CAPABILITIES } from './auth0-capabilities.js';
import type { Auth0Context } from './auth0-context.js';
import { AUTH0_INPUT_RULES } from './auth0-input-rules.js';
import { offsetList } from './offset-page.js';
import { auth0ClientGrantsPort } from './ports/client-grants-port.js';
import { auth0ConnectionsPort } from './ports/connections-port.js';
import { auth0InvitationsPort } from './ports/invitations-port.js';
import { auth0MemberKindPort } from './ports/member-kinds-port.js';
import { auth0MembersPort } from './ports/members-port.js';
import { auth0OrganizationsPort } from './ports/organizations-port.js';
import { auth0PermissionsPort } from './ports/permissions-port.js';
import { auth0UsersPort } from './ports/users-port.js';
import { RoleDirectory } from './role-directory.js';
import { classifyAuth0Error } from './wire/auth0-error-classifier.js';
import { WireRole, WireToken } from './wire/auth0-wire-schemas.js';

/** The adapter's name in errors, events and manifests. */
export const AUTH0_VENDOR = 'auth0';

/** Default role names for the organization-level kinds. */
export const DEFAULT_ROLE_KINDS = { admin: ['admin'], billingManager: ['billing_manager'] } as const;

/** The Auth0 adapter, with its HTTP client for Management API calls orgport has no operation for. */
export interface Auth0Adapter extends Adapter {
  /**
   * The adapter's Management API client (base URL `…/api/v2`, token, retries, pacing,
   * redaction): the escape hatch, reached as `directory.unwrap().raw`.
   */
  readonly raw: HttpClient;
}

/**
 * Creates the Auth0 Management API v2 adapter (Organizations). All HTTP mechanics —
 * retries, pacing from `X-RateLimit-*`, timeouts, token caching with single-flight refresh
 * and one refresh-and-retry on 401, response validation, secret redaction — come from core.
 *
 * @example
 * ```ts
 * const adapter = createAuth0Adapter({ domain: 'acme.eu.auth0.com', clientId, clientSecret });
 * const directory = createDirectory(adapter);
 * ```
 */
export function createAuth0Adapter(options: Auth0AdapterOptions): Auth0Adapter {
  const checked = validateInput(
    'createAuth0Adapter',
    'options',
    Auth0AdapterOptionsSchema,
    options,
    AUTH0_VENDOR,
  );
  const origin = parseBaseUrl(
    checked.baseUrl ?? `https://${checked.domain}`,
    checked.baseUrl ? 'baseUrl' : 'domain',
  );
  if (origin.pathname !== '/') {
    throw new OrgPortError(
      'invalid_argument',
      'baseUrl must be an origin (scheme, host and port) without a path',
      { vendor: AUTH0_VENDOR },
    );
  }
  const audience = checked.audience ?? `${origin.origin}/api/v2/`;
  const transport = options.http ?? {};

  // The token client shares nothing with the API client but the transport settings.
  const tokenClient = createHttpClient({
    ...transport,
    vendor: AUTH0_VENDOR,
    baseUrl: origin.origin,
    classifyError: classifyAuth0Error,
    secrets: [checked.clientSecret ?? ''],
  });
  const auth =
    checked.token !== undefined
      ? staticBearer(checked.token)
      : bearerTokenProvider({
          clock: transport.clock,
          extraSecrets: [checked.clientSecret as string],
          fetchToken: async (signal) => {
            const { data } = await tokenClient.request({
              method: 'POST',
              path: '/oauth/token',
              form: {
                grant_type: 'client_credentials',
                client_id: checked.clientId as string,
                client_secret: checked.clientSecret as string,
                audience,
              },
              schema: WireToken,
              authenticate: false,
              // A client-credentials grant has no side effect: retrying it is safe.
              idempotent: true,
              signal,
            });
            return { accessToken: data.access_token, expiresInSeconds: data.expires_in };
          },
        });
  const http = createHttpClient({
    ...transport,
    vendor: AUTH0_VENDOR,
    baseUrl: `${origin.origin}/api/v2`,
    auth,
    classifyError: classifyAuth0Error,
    secrets: checked.clientSecret ? [checked.clientSecret] : [],
  });
  const lower = (names: readonly string[]) => new Set(names.map((name) => name.toLowerCase()));
  const context: Auth0Context = {
    vendor: AUTH0_VENDOR,
    http,
    pageSize: checked.pageSize ?? 100,
    kinds: {
      admin: lower(checked.roleKinds?.admin ?? DEFAULT_ROLE_KINDS.admin),
      billing_manager: lower(checked.roleKinds?.billingManager ?? DEFAULT_ROLE_KINDS.billingManager),
    },
    roles: new RoleDirectory(
      (signal) =>
        offsetList(
          context,
          { path: '/roles', key: 'roles', item: WireRole, signal, capped: true, operation: 'roles' },
          (role) => role.id,
        ).toArray(),
      AUTH0_VENDOR,
    ),
    invitationClientId: checked.invitationClientId ?? checked.clientId,
    defaultInviterName: checked.defaultInviterName ?? 'orgport',
  };

  return {
    name: AUTH0_VENDOR,
    capabilities: AUTH0_CAPABILITIES,
    inputRules: {
      ...AUTH0_INPUT_RULES,
      // Kinds are roles on Auth0: without the role, every grant of the kind would fail.
      async prerequisite(operation, signal) {
        const kind =
          operation === 'admins.grant' || operation === 'admins.revoke'
            ? 'admin'
            : operation === 'billingManagers.grant' || operation === 'billingManagers.revoke'
              ? 'billing_manager'
              : undefined;
        if (!kind) return undefined;
        const purpose = kind === 'admin' ? 'the admin kind' : 'the billing manager kind';
        try {
          await context.roles.idsNamed(context.kinds[kind], purpose, signal);
          return undefined;
        } catch (error) {
          if (OrgPortError.is(error, 'failed_precondition')) return error.message;
          throw error;
        }
      },
    },
    organizations: auth0OrganizationsPort(context),
    members: auth0MembersPort(context),
    admins: auth0MemberKindPort(context, 'admin'),
    billingManagers: auth0MemberKindPort(context, 'billing_manager'),
    permissions: auth0PermissionsPort(context),
    invitations: auth0InvitationsPort(context),
    connections: auth0ConnectionsPort(context),
    clientGrants: auth0ClientGrantsPort(context),
    users: auth0UsersPort(context),
    raw: http,
    async close() {
      await Promise.all([http.close(), tokenClient.close()]);
    },
  };
}
