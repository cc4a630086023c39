import { randomBytes } from 'node:crypto';
import { systemClock } from '@orgport/core';
import {
  Faults,
  RequestStats,
  type RunningSimulator,
  type SimRequest,
  type SimResponse,
  type SimulatorStartOptions,
  startSimServer,
  TokenBuckets,
} from '@orgport/simulator-kit';
import { VendorTemplateStore } from './vendor-template-store.js';

/** Options of {@link startVendorTemplateSimulator}: the shared simulator options. */
export type VendorTemplateSimulatorOptions = SimulatorStartOptions;

/** A running fake VendorTemplate. */
export interface VendorTemplateSimulator extends RunningSimulator {
  /** The API key it accepts. */
  readonly apiKey: string;
  /** Its state, for seeding and back-door checks. */
  readonly store: VendorTemplateStore;
}

const PAGE_LIMIT = 100;
const error = (status: number, message: string): SimResponse => ({ status, body: { error: { message } } });

/** One page of a cursor list: `?limit=&after=<id>`. */
function page<T extends { readonly id: string }>(items: readonly T[], request: SimRequest): SimResponse {
  const limit = Math.min(Number(request.query.get('limit') ?? PAGE_LIMIT) || PAGE_LIMIT, PAGE_LIMIT);
  const after = request.query.get('after');
  const start = after ? items.findIndex((item) => item.id === after) + 1 : 0;
  const data = items.slice(start, start + limit);
  const last = data.at(-1);
  return {
    status: 200,
    body: { data, list_metadata: { after: start + limit < items.length && last ? last.id : null } },
  };
}

/**
 * A fake VendorTemplate API on 127.0.0.1, made of the simulator kit: bearer API key,
 * cursor lists, member writes, a token bucket with `Retry-After`, seeded fault injection
 * and request statistics. Replace its routes with your vendor's API and keep the suite green.
 */
export async function startVendorTemplateSimulator(
  options: VendorTemplateSimulatorOptions = {},
): Promise<VendorTemplateSimulator> {
  const clock = options.clock ?? systemClock;
  const bucket =
    options.rateLimit === false
      ? undefined
      : (options.rateLimit ?? { capacity: 1000, refillPerSecond: 1000 });
  const buckets = bucket && new TokenBuckets(bucket, () => clock.now());
  const store = new VendorTemplateStore();
  const stats = new RequestStats();
  const faults = new Faults();
  if (options.faults) faults.configure(options.faults);
  const apiKey = randomBytes(18).toString('base64url');
  const membersOf = (request: SimRequest) => store.members.get(request.params.organizationId ?? '');
  const server = await startSimServer({
    faults,
    stats,
    port: options.port,
    latencyMs: options.latencyMs,
    dropField: (body) => body,
    notFound: () => error(404, 'Not found'),
    invalidBody: () => error(400, 'Invalid JSON'),
    faultResponse: (kind, status) => error(kind === 'rate_limit' ? 429 : status, kind),
    before: (request) => authorize(request),
    routes: [
      {
        method: 'GET',
        path: '/v1/organizations',
        handler: (request) => page([...store.organizations.values()], request),
      },
      {
        method: 'GET',
        path: '/v1/organizations/:organizationId/members',
        handler(request) {
          const members = membersOf(request);
          if (!members) return error(404, 'No such organization');
          const rows = [...members.values()].map((member) => ({
            id: member.userId,
            user: store.users.get(member.userId) ?? { id: member.userId },
            role: member.role,
          }));
          return page(rows, request);
        },
      },
      {
        method: 'PUT',
        path: '/v1/organizations/:organizationId/members/:userId',
        handler(request) {
          const members = membersOf(request);
          const userId = request.params.userId ?? '';
          if (!members) return error(404, 'No such organization');
          if (!store.users.has(userId)) return error(404, 'No such user');
          if (!members.has(userId)) members.set(userId, { userId, role: 'member' });
          return { status: 204 };
        },
      },
      {
        method: 'DELETE',
        path: '/v1/organizations/:organizationId/members/:userId',
        handler(request) {
          const members = membersOf(request);
          if (!members) return error(404, 'No such organization');
          members.delete(request.params.userId ?? '');
          return { status: 204 };
        },
      },
    ],
  });

  /** Checks the key, then the rate budget; an answer means refused. */
  function authorize(request: SimRequest): SimResponse | undefined {
    if (request.headers.authorization !== `Bearer ${apiKey}`) return error(401, 'Invalid API key');
    const verdict = buckets?.take(apiKey);
    if (!verdict || verdict.allowed) return undefined;
    const wait = Math.max(1, Math.ceil((verdict.resetAtMs - clock.now()) / 1000));
    return { ...error(429, 'Too many requests'), headers: { 'retry-after': String(wait) } };
  }

  return { url: server.url, apiKey, store, stats, faults, close: server.close };
}
