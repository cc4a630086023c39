import { randomBytes } from 'node:crypto';
import { systemClock } from '@orgport/core';
import {
  type BucketOptions,
  type BucketVerdict,
  Faults,
  fixturesFrom,
  RequestStats,
  type RunningSimulator,
  type SimRequest,
  type SimResponse,
  type SimRoute,
  type SimulatorStartOptions,
  startSimServer,
  TokenBuckets,
} from '@orgport/simulator-kit';
import type { Auth0Context, Auth0Quirks, Auth0Route } from './auth0-context.js';
import { auth0Error } from './auth0-errors.js';
import type { PagingOptions } from './auth0-paging.js';
import { AUTH0_SCOPES } from './auth0-scopes.js';
import { seedAuth0Store } from './auth0-seed.js';
import { Auth0Store } from './auth0-store.js';
import { Auth0Tokens } from './auth0-tokens.js';
import { clientGrantRoutes } from './client-grant-routes.js';
import { connectionRoutes } from './connection-routes.js';
import { directoryRoutes } from './directory-routes.js';
import { invitationRoutes } from './invitation-routes.js';
import { memberRoutes } from './member-routes.js';
import { organizationRoutes } from './organization-routes.js';

/** Options of {@link startAuth0Simulator}: the shared simulator options, and Auth0's own. */
export interface Auth0SimulatorOptions extends SimulatorStartOptions {
  /** The client id of the default machine-to-machine client. */
  readonly clientId?: string;
  /** Its secret (random by default). */
  readonly clientSecret?: string;
  /** Scopes its tokens carry. Default: every scope. */
  readonly scopes?: readonly string[];
  /** Token lifetime. Default 86 400 s. */
  readonly tokenExpiresInSeconds?: number;
  /** Paging limits and unconfirmed paging behaviours. */
  readonly paging?: Partial<PagingOptions>;
  /** Lag of member lists behind member writes, ms (eventual consistency). Default 0. */
  readonly memberListLagMs?: number;
  /** Unconfirmed behaviours, switchable. */
  readonly quirks?: Partial<Auth0Quirks>;
}

/** A running Auth0 simulator. */
export interface Auth0Simulator extends RunningSimulator {
  /** Origin, e.g. `http://127.0.0.1:40123`; the API is under `${url}/api/v2`, tokens at `${url}/oauth/token`. */
  readonly url: string;
  /** The audience tokens must be requested for: `${url}/api/v2/`. */
  readonly audience: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The tenant's state, for seeding and back-door checks. */
  readonly store: Auth0Store;
  /** Issues a token directly (skipping the token endpoint), e.g. one lacking scopes. */
  issueToken(options?: { scopes?: readonly string[]; expiresInSeconds?: number; clientId?: string }): string;
  /** Every access token the token endpoint has issued (for tests that prove tokens never leak). */
  readonly issuedTokens: readonly string[];
  /** Invalidates every token issued so far (clients then get 401 and must fetch a new one). */
  revokeTokens(): void;
  /** Changes the rate limit (or `false` for none). */
  setRateLimit(options: BucketOptions | false): void;
  /** Changes the member-list lag. */
  setMemberListLag(ms: number): void;
}

/**
 * Starts a faithful Auth0 Management API simulator on 127.0.0.1 (reference §7): client
 * credentials with JWT-shaped tokens, scopes, every Organizations endpoint with Auth0's
 * status codes, bodies and three paging shapes, the 1000-record offset cap, token-bucket
 * rate limits with `X-RateLimit-*` headers, optional member-list lag, fault injection and
 * request statistics.
 *
 * @example
 * ```ts
 * const sim = await startAuth0Simulator({ fixtures: { seed: 1, organizations: 3, membersPerOrg: 200 } });
 * const adapter = createAuth0Adapter({ baseUrl: sim.url, clientId: sim.clientId, clientSecret: sim.clientSecret });
 * ```
 */
export async function startAuth0Simulator(options: Auth0SimulatorOptions = {}): Promise<Auth0Simulator> {
  const clock = options.clock ?? systemClock;
  const store = new Auth0Store(options.seed ?? 1, () => clock.now());
  const stats = new RequestStats();
  const faults = new Faults();
  if (options.faults) faults.configure(options.faults);
  const tokens = new Auth0Tokens();
  const clientId = options.clientId ?? 'orgport-sim-client';
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');
  store.addClient({
    client_id: clientId,
    client_secret: clientSecret,
    name: 'orgport simulator client',
    scopes: [...(options.scopes ?? AUTH0_SCOPES)],
  });
  if (options.fixtures) {
    seedAuth0Store(store, fixturesFrom(options.fixtures));
  }
  let buckets =
    options.rateLimit === false
      ? undefined
      : new TokenBuckets(options.rateLimit ?? { capacity: 10_000, refillPerSecond: 10_000 }, () =>
          clock.now(),
        );
  let origin = '';
  const expiresIn = options.tokenExpiresInSeconds ?? 86_400;
  const quirks: Auth0Quirks = {
    createInvitationStatus: 201,
    associateGrantResponse: 'observed',
    rolesForNonMember: 404,
    unknownUserOnAdd: 404,
    patchMetadata: 'replace',
    retryAfterOn429: false,
    badCredentialsError: 'access_denied',
    ...options.quirks,
  };
  const context: Auth0Context = {
    store,
    quirks,
    paging: {
      maxPageSize: 100,
      offsetCap: 1000,
      offsetCapBoundary: 'strict',
      fromWithoutTake: 'offset',
      ...options.paging,
    },
    memberListLagMs: options.memberListLagMs ?? 0,
    origin: () => origin,
  };
  const audience = () => `${origin}/api/v2/`;

  const issuedTokens: string[] = [];
  const tokenRoute: SimRoute = {
    method: 'POST',
    path: '/oauth/token',
    faults: false,
    handler: (request) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      if (body.grant_type !== 'client_credentials') {
        return {
          status: 400,
          body: { error: 'unsupported_grant_type', error_description: 'Unsupported grant type' },
        };
      }
      const client = typeof body.client_id === 'string' ? store.clients.get(body.client_id) : undefined;
      if (!client || body.client_secret !== client.client_secret) {
        return quirks.badCredentialsError === 'invalid_client'
          ? {
              status: 401,
              body: { error: 'invalid_client', error_description: 'Client authentication failed' },
            }
          : { status: 401, body: { error: 'access_denied', error_description: 'Unauthorized' } };
      }
      if (body.audience !== audience()) {
        return {
          status: 403,
          body: { error: 'access_denied', error_description: `Service not found: ${String(body.audience)}` },
        };
      }
      const accessToken = tokens.issue(
        `${origin}/`,
        audience(),
        client.client_id,
        client.scopes,
        expiresIn,
        store.now(),
      );
      issuedTokens.push(accessToken);
      return {
        status: 200,
        body: {
          access_token: accessToken,
          expires_in: expiresIn,
          scope: client.scopes.join(' '),
          token_type: 'Bearer',
        },
      };
    },
  };

  const apiRoutes: Auth0Route[] = [
    ...organizationRoutes(context),
    ...memberRoutes(context),
    ...connectionRoutes(context),
    ...invitationRoutes(context),
    ...clientGrantRoutes(context),
    ...directoryRoutes(context),
  ];

  const rateLimitHeaders = (verdict: BucketVerdict): Record<string, string> => ({
    'x-ratelimit-limit': String(verdict.limit),
    'x-ratelimit-remaining': String(verdict.remaining),
    'x-ratelimit-reset': String(Math.ceil(verdict.resetAtMs / 1000)),
  });

  const before = (request: SimRequest, route: SimRoute): SimResponse | undefined => {
    const scopes = (route as Partial<Auth0Route>).scopes;
    if (!scopes) return undefined;
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) return auth0Error(401, 'Missing authentication');
    const verified = tokens.verify(header.slice(7), store.now());
    if (!verified.ok) {
      return auth0Error(
        401,
        verified.reason === 'expired'
          ? 'Expired token received for JSON Web Token validation'
          : 'Invalid token.',
      );
    }
    if (verified.claims.aud !== audience()) return auth0Error(401, 'Invalid token.');
    const held = new Set(verified.claims.scope.split(' '));
    request.state.scopes = held;
    if (buckets) {
      const verdict = buckets.take(verified.claims.azp);
      request.state.rateLimit = verdict;
      if (!verdict.allowed) {
        const retry = quirks.retryAfterOn429
          ? { 'retry-after': String(Math.max(1, Math.ceil((verdict.resetAtMs - store.now()) / 1000))) }
          : undefined;
        return {
          ...auth0Error(429, 'Global limit has been reached', 'too_many_requests'),
          ...(retry ? { headers: retry } : {}),
        };
      }
    }
    if (!scopes.some((scope) => held.has(scope))) {
      return auth0Error(
        403,
        `Insufficient scope, expected any of: ${scopes.join(',')}`,
        'insufficient_scope',
      );
    }
    return undefined;
  };

  const server = await startSimServer({
    routes: [tokenRoute, ...apiRoutes],
    faults,
    stats,
    before,
    latencyMs: options.latencyMs,
    port: options.port,
    headersFor: (request) => {
      const verdict = request.state.rateLimit as BucketVerdict | undefined;
      return verdict ? rateLimitHeaders(verdict) : {};
    },
    notFound: () => auth0Error(404, 'Not Found'),
    invalidBody: () =>
      auth0Error(400, 'Invalid request body. The message must be valid JSON.', 'invalid_body'),
    faultResponse: (kind, status) =>
      kind === 'rate_limit'
        ? auth0Error(429, 'Global limit has been reached', 'too_many_requests')
        : auth0Error(status, status === 503 ? 'Service temporarily unavailable' : 'Internal error'),
    dropField: (body) => {
      const first = Array.isArray(body)
        ? body[0]
        : (Object.values(body as Record<string, unknown>).find(Array.isArray)?.[0] ?? body);
      if (first && typeof first === 'object') {
        for (const key of ['user_id', 'id', 'connection_id', 'name']) {
          if (key in first) {
            delete (first as Record<string, unknown>)[key];
            break;
          }
        }
      }
      return body;
    },
  });
  origin = server.url;

  return {
    url: server.url,
    audience: audience(),
    clientId,
    clientSecret,
    store,
    stats,
    faults,
    issueToken: (issue = {}) =>
      tokens.issue(
        `${origin}/`,
        audience(),
        issue.clientId ?? clientId,
        issue.scopes ?? store.clients.get(clientId)?.scopes ?? [],
        issue.expiresInSeconds ?? expiresIn,
        store.now(),
      ),
    issuedTokens,
    revokeTokens: () => tokens.revokeAll(),
    setRateLimit(rate) {
      buckets = rate === false ? undefined : new TokenBuckets(rate, () => clock.now());
    },
    setMemberListLag(ms) {
      (context as { memberListLagMs: number }).memberListLagMs = ms;
    },
    close: () => server.close(),
  };
}
