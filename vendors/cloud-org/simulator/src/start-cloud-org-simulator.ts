import { randomBytes, timingSafeEqual } from 'node:crypto';
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
import { type CloudOrgContext, type CloudOrgQuirks, notFound } from './cloud-org-context.js';
import { seedCloudOrgStore } from './cloud-org-seed.js';
import { CloudOrgStore } from './cloud-org-store.js';
import { invitationRoutes } from './invitation-routes.js';
import { memberRoutes } from './member-routes.js';
import { organizationRoutes } from './organization-routes.js';
import { permissionGroupRoutes } from './permission-group-routes.js';

/** Options of {@link startCloudOrgSimulator}: the shared simulator options, and cloud-org's own. */
export interface CloudOrgSimulatorOptions extends SimulatorStartOptions {
  /** Basic-auth user name of the default credential. */
  readonly username?: string;
  /** Its password (random by default). */
  readonly password?: string;
  /** Unconfirmed behaviours, switchable. */
  readonly quirks?: Partial<CloudOrgQuirks>;
}

/** A running cloud-org simulator. */
export interface CloudOrgSimulator extends RunningSimulator {
  /** Origin, e.g. `http://127.0.0.1:40124`; paths are `/v1/…` and `/v2/…`. */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** The user the default credential acts as (an admin of every seeded organization). */
  readonly callerId: string;
  /** The account's state, for seeding and back-door checks. */
  readonly store: CloudOrgStore;
  /** Adds another credential acting as `userId`. */
  addCredential(userId: string): { username: string; password: string };
  /** Changes the rate limit (or `false`). */
  setRateLimit(options: BucketOptions | false): void;
}

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };

/**
 * Starts a faithful simulator of the product / permission-group management API (ConfigCat's
 * Public Management API, reference §8) on 127.0.0.1: Basic auth, the `/v1` and `/v2` paths
 * with the vendor's bodies and status codes (201 on creates, 200 with an empty body on
 * permission updates and invites, 204 on deletes), member visibility by the caller's
 * rights, one group per product, `X-Rate-Limit-*` headers and 429s with `Retry-After`,
 * fault injection and request statistics shared with the Auth0 simulator.
 */
export async function startCloudOrgSimulator(
  options: CloudOrgSimulatorOptions = {},
): Promise<CloudOrgSimulator> {
  const clock = options.clock ?? systemClock;
  const store = new CloudOrgStore(options.seed ?? 1, () => clock.now());
  const stats = new RequestStats();
  const faults = new Faults();
  if (options.faults) faults.configure(options.faults);
  const quirks: CloudOrgQuirks = {
    forbiddenStatus: 403,
    adminsInMembers: false,
    nullArrays: false,
    protectLastAdmin: true,
    cascadeDeletes: true,
    resetFormat: 'iso',
    errorBody: 'dictionary',
    listCaller: true,
    rateLimitScope: 'route',
    ...options.quirks,
  };
  const caller = store.addUser({
    email: 'api-owner@example.com',
    fullName: 'API Owner',
    userId: 'u-api-owner',
  });
  const addCredential = (
    userId: string,
    username = `cred-${store.random.string(12)}`,
    password = randomBytes(18).toString('base64url'),
  ) => {
    store.credentials.set(username, { username, password, userId });
    return { username, password };
  };
  const main = addCredential(caller.userId, options.username ?? 'orgport-sim', options.password);
  if (options.fixtures) {
    seedCloudOrgStore(store, fixturesFrom(options.fixtures), caller.userId);
  }
  let buckets =
    options.rateLimit === false
      ? undefined
      : new TokenBuckets(options.rateLimit ?? { capacity: 10_000, refillPerSecond: 10_000 }, () =>
          clock.now(),
        );
  const context: CloudOrgContext = { store, quirks };

  const authenticate = (request: SimRequest): string | undefined => {
    const header = request.headers.authorization;
    if (!header?.startsWith('Basic ')) return undefined;
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const credential = store.credentials.get(decoded.slice(0, colon));
    if (!credential) return undefined;
    const given = Buffer.from(decoded.slice(colon + 1));
    const expected = Buffer.from(credential.password);
    return given.length === expected.length && timingSafeEqual(given, expected)
      ? credential.userId
      : undefined;
  };

  const resetHeader = (verdict: BucketVerdict): string => {
    if (quirks.resetFormat === 'epoch') return String(Math.ceil(verdict.resetAtMs / 1000));
    if (quirks.resetFormat === 'seconds')
      return String(Math.max(0, Math.ceil((verdict.resetAtMs - clock.now()) / 1000)));
    return new Date(verdict.resetAtMs).toISOString();
  };
  const tooMany = (verdict?: BucketVerdict): SimResponse => ({
    status: 429,
    text: 'Too many requests. Please retry later.',
    headers: {
      ...TEXT,
      'retry-after': String(
        Math.max(1, Math.ceil(((verdict?.resetAtMs ?? clock.now() + 1000) - clock.now()) / 1000)),
      ),
    },
  });

  const before = (request: SimRequest, route: SimRoute): SimResponse | undefined => {
    const userId = authenticate(request);
    if (!userId)
      return {
        status: 401,
        text: 'Unauthorized. In case of the Public Management API credentials are invalid.',
        headers: { ...TEXT, 'www-authenticate': 'Basic realm="ConfigCat Public API"' },
      };
    request.state.userId = userId;
    if (buckets) {
      const verdict = buckets.take(
        quirks.rateLimitScope === 'credential' ? userId : `${userId} ${route.method} ${route.path}`,
      );
      request.state.rateLimit = verdict;
      if (!verdict.allowed) return tooMany(verdict);
    }
    return undefined;
  };

  const server = await startSimServer({
    routes: [
      ...organizationRoutes(context),
      ...permissionGroupRoutes(context),
      ...memberRoutes(context),
      ...invitationRoutes(context),
    ],
    faults,
    stats,
    before,
    latencyMs: options.latencyMs,
    port: options.port,
    contentType: 'application/json; charset=utf-8',
    headersFor: (request): Record<string, string> => {
      const verdict = request.state.rateLimit as BucketVerdict | undefined;
      return verdict
        ? { 'x-rate-limit-remaining': String(verdict.remaining), 'x-rate-limit-reset': resetHeader(verdict) }
        : {};
    },
    notFound: () => notFound(),
    invalidBody: () => ({ status: 400, body: { '': ['The request body is not valid JSON.'] } }),
    faultResponse: (kind, status) =>
      kind === 'rate_limit'
        ? tooMany()
        : { status, text: status === 503 ? 'Service Unavailable' : 'Internal Server Error', headers: TEXT },
    dropField: (body) => {
      const record = body as Record<string, unknown>;
      const first = Array.isArray(body)
        ? body[0]
        : Array.isArray(record.members)
          ? record.members[0]
          : Array.isArray(record.admins)
            ? record.admins[0]
            : body;
      if (first && typeof first === 'object') {
        for (const key of ['userId', 'organizationId', 'productId', 'permissionGroupId', 'invitationId']) {
          if (key in first) {
            delete (first as Record<string, unknown>)[key];
            break;
          }
        }
      }
      return body;
    },
  });

  return {
    url: server.url,
    username: main.username,
    password: main.password,
    callerId: caller.userId,
    store,
    stats,
    faults,
    addCredential: (userId) => addCredential(userId),
    setRateLimit(rate) {
      buckets = rate === false ? undefined : new TokenBuckets(rate, () => clock.now());
    },
    close: () => server.close(),
  };
}
