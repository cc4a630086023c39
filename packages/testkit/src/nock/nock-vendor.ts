import nock from 'nock';
import { installPromiseWithResolvers } from './promise-with-resolvers.js';

installPromiseWithResolvers();

/** One expected request and its canned answer. */
export interface ExpectedRequest {
  /** HTTP method. */
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path including the API prefix, e.g. `/api/v2/organizations/org_1/members`. */
  readonly path: string;
  /** Exact query parameters (`true` accepts any query). Default: no query. */
  readonly query?: Readonly<Record<string, string | readonly string[]>> | true;
  /** Exact JSON body the request must carry. */
  readonly body?: unknown;
  /** Status to answer. Default 200. */
  readonly status?: number;
  /** JSON body to answer (omit for an empty body). */
  readonly reply?: unknown;
  /** Response headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** How many times the request is expected. Default 1. */
  readonly times?: number;
}

/** A nock-backed fake vendor for unit tests that want exact request expectations. */
export interface NockVendor {
  /** Adds an expectation. Returns the vendor for chaining. */
  expect(request: ExpectedRequest): NockVendor;
  /** Throws, listing them, if any expected request was not made. */
  assertDone(): void;
  /** Removes every interceptor and restores real networking. */
  cleanup(): void;
}

/**
 * Intercepts requests to `origin` at the socket level (undici included) with nock 15, and
 * forbids every other outgoing connection except loopback, so a unit test can never reach
 * a real vendor by mistake.
 *
 * @example
 * ```ts
 * const vendor = nockVendor('https://tenant.example.com')
 *   .expect({ method: 'GET', path: '/api/v2/organizations/org_1', reply: { id: 'org_1', name: 'acme' } });
 * // … exercise the adapter …
 * vendor.assertDone();
 * vendor.cleanup();
 * ```
 */
export function nockVendor(origin: string): NockVendor {
  nock.disableNetConnect();
  nock.enableNetConnect((host) => /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(host));
  const scopes: nock.Scope[] = [];
  const vendor: NockVendor = {
    expect(request) {
      const scope = nock(origin);
      const method = request.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      let interceptor = scope[method](
        request.path,
        request.body === undefined ? undefined : (request.body as nock.RequestBodyMatcher),
      );
      interceptor =
        request.query === true
          ? interceptor.query(true)
          : interceptor.query((request.query ?? {}) as nock.DataMatcherMap);
      if (request.times !== undefined) interceptor = interceptor.times(request.times);
      const headers = { 'content-type': 'application/json', ...request.headers };
      interceptor.reply(
        request.status ?? 200,
        request.reply === undefined ? '' : JSON.stringify(request.reply),
        headers,
      );
      scopes.push(scope);
      return vendor;
    },
    assertDone() {
      const pending = scopes.flatMap((scope) => scope.pendingMocks());
      if (pending.length > 0) throw new Error(`Expected requests not made: ${pending.join(', ')}`);
    },
    cleanup() {
      nock.cleanAll();
      nock.enableNetConnect();
    },
  };
  return vendor;
}
