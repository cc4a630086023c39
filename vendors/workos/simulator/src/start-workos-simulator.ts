import { type Clock, systemClock } from '@orgport/core';
import {
  type BucketOptions,
  type FaultOptions,
  Faults,
  RequestStats,
  type SimRequest,
  type SimResponse,
  startSimServer,
  TokenBuckets,
} from '@orgport/simulator-kit';
import { error } from './workos-format.js';
import { workosRoutes } from './workos-routes.js';
import { WorkOSStore } from './workos-store.js';

/** WorkOS's documented rate limits (its rate-limits reference), per bucket. */
export interface WorkOSRateLimits {
  /** Every request: 6,000 per 60 s per API key. */
  readonly general: BucketOptions;
  /** `GET /user_management/*`: 1,000 per 10 s. */
  readonly userManagementReads: BucketOptions;
  /** Other `/user_management/*` methods: 500 per 10 s. */
  readonly userManagementWrites: BucketOptions;
  /** `DELETE /organizations/*`: 50 per 60 s per API key. */
  readonly organizationDeletes: BucketOptions;
}

/** The limits WorkOS documents. */
export const WORKOS_DOCUMENTED_RATE_LIMITS: WorkOSRateLimits = {
  general: { capacity: 6_000, refillPerSecond: 100 },
  userManagementReads: { capacity: 1_000, refillPerSecond: 100 },
  userManagementWrites: { capacity: 500, refillPerSecond: 50 },
  organizationDeletes: { capacity: 50, refillPerSecond: 50 / 60 },
};

/** Options of {@link startWorkOSSimulator}. */
export interface WorkOSSimulatorOptions {
  /** API keys it accepts. Default one random `sk_test_…` key. */
  readonly apiKeys?: readonly string[];
  /** Whether the environment has multiple roles enabled (`role_slugs`, `roles[]`). Default false. */
  readonly multipleRoles?: boolean;
  /** Rate limits; default WorkOS's documented ones; `false` for none. */
  readonly rateLimits?: WorkOSRateLimits | false;
  /** Random fault rates (429, 5xx, resets…). */
  readonly faults?: FaultOptions;
  /** Port on 127.0.0.1; default 0 (any free port). */
  readonly port?: number;
  /** Latency added to every response, ms (real time). */
  readonly latencyMs?: number | undefined;
  /** Time of timestamps, buckets and `Retry-After` (default the real clock). */
  readonly clock?: Clock | undefined;
}

/** A running WorkOS simulator. */
export interface WorkOSSimulator {
  /** Origin, e.g. `http://127.0.0.1:40124`. */
  readonly url: string;
  /** The API keys it accepts; the first is the default. */
  readonly apiKeys: readonly string[];
  readonly store: WorkOSStore;
  readonly stats: RequestStats;
  readonly faults: Faults;
  close(): Promise<void>;
}

const TOO_MANY = { message: 'Too many requests.', code: 'rate_limit_exceeded' };

/**
 * Starts a small simulator of the WorkOS API on 127.0.0.1, held to WorkOS's OpenAPI spec
 * (`@workos/openapi-spec` 0.1.0) where the official emulator is not: several roles per
 * membership, the documented rate limits (429 with `Retry-After`), list pagination by
 * object id that survives a deleted cursor, limit 1–100, the `statuses` filter (active only
 * by default), `not_found` for an unknown organization's memberships, unknown role slugs
 * refused.
 */
export async function startWorkOSSimulator(options: WorkOSSimulatorOptions = {}): Promise<WorkOSSimulator> {
  const clock = options.clock ?? systemClock;
  const store = new WorkOSStore(clock, options.multipleRoles ?? false);
  const apiKeys = options.apiKeys ?? [`sk_test_${Math.random().toString(36).slice(2, 14)}`];
  const keys = new Set(apiKeys);
  const stats = new RequestStats();
  const faults = new Faults();
  if (options.faults) faults.configure(options.faults);
  const limits = options.rateLimits ?? WORKOS_DOCUMENTED_RATE_LIMITS;
  const buckets =
    limits === false
      ? undefined
      : {
          general: new TokenBuckets(limits.general, () => clock.now()),
          reads: new TokenBuckets(limits.userManagementReads, () => clock.now()),
          writes: new TokenBuckets(limits.userManagementWrites, () => clock.now()),
          deletes: new TokenBuckets(limits.organizationDeletes, () => clock.now()),
        };
  const tooMany = (resetAtMs: number): SimResponse => ({
    status: 429,
    body: TOO_MANY,
    headers: { 'retry-after': String(Math.max(1, Math.ceil((resetAtMs - clock.now()) / 1000))) },
  });

  const before = (request: SimRequest): SimResponse | undefined => {
    const header = request.headers.authorization ?? '';
    const key = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!keys.has(key)) return error(401, 'Unauthorized');
    if (!buckets) return undefined;
    const path = request.url.pathname;
    const checks = [buckets.general.take(key)];
    // AuthKit's limits are per environment: every key shares them.
    if (path.startsWith('/user_management/'))
      checks.push((request.method === 'GET' ? buckets.reads : buckets.writes).take('environment'));
    if (request.method === 'DELETE' && path.startsWith('/organizations/'))
      checks.push(buckets.deletes.take(key));
    const refused = checks.find((verdict) => !verdict.allowed);
    return refused ? tooMany(refused.resetAtMs) : undefined;
  };

  let origin = '';
  const server = await startSimServer({
    routes: workosRoutes(store, () => origin),
    faults,
    stats,
    before,
    port: options.port,
    latencyMs: options.latencyMs,
    notFound: () => error(404, 'Not Found', 'not_found'),
    invalidBody: () => error(400, 'Problems parsing JSON', 'invalid_request_body'),
    faultResponse: (kind, status) =>
      kind === 'rate_limit'
        ? tooMany(clock.now() + 1000)
        : error(status, status === 503 ? 'Service Unavailable' : 'Internal Server Error'),
    dropField: (body) => {
      const record = body as { data?: unknown[] } & Record<string, unknown>;
      const first = Array.isArray(record.data) ? record.data[0] : record;
      if (first && typeof first === 'object') delete (first as Record<string, unknown>).id;
      return body;
    },
  });
  origin = server.url;
  return { url: server.url, apiKeys, store, stats, faults, close: () => server.close() };
}
