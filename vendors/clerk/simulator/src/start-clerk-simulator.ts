import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type Clock, systemClock } from '@orgport/core';
import {
  type BucketVerdict,
  type FaultOptions,
  Faults,
  RequestStats,
  type SimRequest,
  type SimResponse,
  startSimServer,
  TokenBuckets,
} from '@orgport/simulator-kit';
import { clerkErrors } from './clerk-render.js';
import { clerkRoutes } from './clerk-routes.js';
import { ClerkStore } from './clerk-store.js';

/**
 * Rate limits per secret key over 10 s, as the spec states them (for user creation):
 * 1,000 requests on a production instance, 100 on a development one.
 */
export const CLERK_RATE_LIMITS = { production: 1000, development: 100 } as const;

/** Options of {@link startClerkSimulator}. */
export interface ClerkSimulatorOptions {
  /** Seed of generated ids. Default 1. */
  readonly seed?: number;
  /** The secret key it accepts (random `sk_test_…` by default). */
  readonly secretKey?: string;
  /** Rate limit per key and 10 s window: an instance kind, or `false` for none. Default `false`. */
  readonly rateLimit?: keyof typeof CLERK_RATE_LIMITS | false;
  /** Random fault rates. */
  readonly faults?: FaultOptions;
  /** Port on 127.0.0.1; default 0 (any free port). */
  readonly port?: number;
  /** Time source of timestamps, rate limits and `Retry-After` (default: the real clock). */
  readonly clock?: Clock | undefined;
}

/** A running Clerk simulator. */
export interface ClerkSimulator {
  /** Origin, e.g. `http://127.0.0.1:40124`: the `apiUrl` (paths are `/v1/…`). */
  readonly url: string;
  readonly secretKey: string;
  /** The instance's state, for seeding and back-door checks. */
  readonly store: ClerkStore;
  readonly stats: RequestStats;
  readonly faults: Faults;
  /** Requests per `Clerk-API-Version` header value (`(none)` without one). */
  readonly apiVersions: Map<string, number>;
  close(): Promise<void>;
}

/**
 * Starts a small simulator of Clerk's Backend API on 127.0.0.1, held to the published spec
 * (bapi 2026-05-12): bearer secret keys, organizations with slugs and metadata,
 * memberships with one role each (`user_id` and `role` filters), the user's and the
 * instance's membership lists, organization roles, invitations (single, bulk, revoke),
 * users by email; offset paging (`limit` 1–500, `total_count`), `ClerkErrors` bodies,
 * `application/json` answers, and a per-key 10-second rate limit answered with 429 and
 * `Retry-After`. It covers what the community emulator lacks.
 */
export async function startClerkSimulator(options: ClerkSimulatorOptions = {}): Promise<ClerkSimulator> {
  const clock = options.clock ?? systemClock;
  const store = new ClerkStore(options.seed ?? 1, () => clock.now());
  const stats = new RequestStats();
  const faults = new Faults();
  if (options.faults) faults.configure(options.faults);
  const secretKey = options.secretKey ?? `sk_test_${randomBytes(18).toString('base64url')}`;
  const expected = Buffer.from(`Bearer ${secretKey}`);
  const limit = options.rateLimit ? CLERK_RATE_LIMITS[options.rateLimit] : undefined;
  const buckets =
    limit === undefined
      ? undefined
      : new TokenBuckets({ capacity: limit, refillPerSecond: limit / 10 }, () => clock.now());
  const retryAfter = (verdict?: BucketVerdict) =>
    String(Math.max(1, Math.ceil(((verdict?.resetAtMs ?? clock.now() + 1000) - clock.now()) / 1000)));
  const tooMany = (verdict?: BucketVerdict): SimResponse => ({
    status: 429,
    body: clerkErrors('too_many_requests', 'Too many requests, retry later'),
    headers: { 'retry-after': retryAfter(verdict) },
  });

  const apiVersions = new Map<string, number>();
  const before = (request: SimRequest): SimResponse | undefined => {
    const version = String(request.headers['clerk-api-version'] ?? '(none)');
    apiVersions.set(version, (apiVersions.get(version) ?? 0) + 1);
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { status: 401, body: clerkErrors('authentication_invalid', 'Unauthorized request') };
    if (buckets) {
      const verdict = buckets.take(secretKey);
      if (!verdict.allowed) return tooMany(verdict);
    }
    return undefined;
  };

  const server = await startSimServer({
    routes: clerkRoutes(store),
    faults,
    stats,
    before,
    port: options.port,
    contentType: 'application/json',
    notFound: () => ({ status: 404, body: clerkErrors('resource_not_found', 'not found') }),
    invalidBody: () => ({
      status: 400,
      body: clerkErrors('request_body_invalid', 'The request body is invalid'),
    }),
    faultResponse: (kind, status) =>
      kind === 'rate_limit'
        ? tooMany()
        : { status, body: clerkErrors('internal_clerk_error', 'There was an internal error on our servers') },
    dropField: (body) => {
      const record = body as { data?: unknown[] } & Record<string, unknown>;
      const first = (Array.isArray(record.data) ? record.data[0] : record) as
        | Record<string, unknown>
        | undefined;
      if (first && typeof first === 'object') delete first.id;
      return body;
    },
  });
  return { url: server.url, secretKey, store, stats, faults, apiVersions, close: () => server.close() };
}
