import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { type Clock, systemClock } from '@orgport/core';
import { type FaultDecision, type FaultOptions, Faults } from './faults.js';
import { startLoopbackServer } from './loopback-server.js';
import { type ProxyRateLimit, rateLimitHeaders, retryAfterSeconds } from './proxy-rate-limit.js';
import { RequestStats } from './request-stats.js';
import type { SimResponse } from './sim-server.js';
import { TokenBuckets } from './token-bucket.js';

/** What the proxy knows of one request when it decides whether faults apply and names its route. */
export interface ProxiedRequest {
  readonly method: string;
  /** Path without the query. */
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
}

/** Options of {@link startFaultProxy}. */
export interface FaultProxyOptions {
  /** Origin the proxy forwards to, e.g. an emulator's `http://127.0.0.1:4010`. */
  readonly upstream: string;
  /** Random fault rates (the simulators' vocabulary), or a {@link Faults} schedule to share. Default: none. */
  readonly faults?: FaultOptions | Faults | undefined;
  /** A token bucket in front of the upstream, the vendor's rate-limit header names, and its 429 body. */
  readonly rateLimit?: ProxyRateLimit | undefined;
  /** Added before every answer, ms, on `clock`. Default 0. */
  readonly latencyMs?: number | undefined;
  /**
   * Time source of buckets, rate-limit headers and every delay (latency, slow bodies).
   * Share a virtual clock with the client under test and nothing waits real time. Default:
   * the real clock.
   */
  readonly clock?: Clock | undefined;
  /** Whether faults apply to a request (e.g. not to the token endpoint). Default: every request. */
  readonly faultsApply?: ((request: ProxiedRequest) => boolean) | undefined;
  /** The route a request is counted under in the stats. Default `METHOD /path`. */
  readonly route?: ((request: ProxiedRequest) => string) | undefined;
  /** The vendor's answer to an injected 5xx. Default: a small JSON error body. */
  readonly serverError?: ((status: number) => SimResponse) | undefined;
  /** Removes one required field from a JSON body, for `missingField` faults. Default: {@link dropFirstIdField}. */
  readonly dropField?: ((body: unknown) => unknown) | undefined;
  /** Port on 127.0.0.1; default 0 (any free port). */
  readonly port?: number | undefined;
}

/** A running fault proxy. */
export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: point the adapter here instead of at the upstream. */
  readonly url: string;
  /** The upstream it forwards to. */
  readonly upstream: string;
  /** The fault schedule (configure, queue, clear, `injected`, `total`). */
  readonly faults: Faults;
  /** Every request the proxy answered, with the fault injected into it. */
  readonly stats: RequestStats;
  /** Stops the proxy and drops open connections (the upstream keeps running). */
  close(): Promise<void>;
}

/**
 * Removes the first id-like field (`id`, then any key ending in `id` or `Id`) from the
 * first object of a JSON body: the body itself, its first element, or the first element of
 * its first array-valued field.
 */
export function dropFirstIdField(body: unknown): unknown {
  const record = body as Record<string, unknown> | null;
  const first = Array.isArray(body)
    ? body[0]
    : record && typeof record === 'object'
      ? ((Object.values(record).find(Array.isArray) as unknown[] | undefined)?.[0] ?? record)
      : undefined;
  if (first && typeof first === 'object') {
    const target = first as Record<string, unknown>;
    const key = 'id' in target ? 'id' : Object.keys(target).find((name) => /(_id|Id)$/.test(name));
    if (key !== undefined) delete target[key];
  }
  return body;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'upgrade',
  'proxy-connection',
]);

interface UpstreamAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/**
 * Starts a proxy on 127.0.0.1 in front of any HTTP server (a vendor's official emulator,
 * one of our simulators, a local server) that injects the simulators' seeded faults: 429
 * with `Retry-After` and the vendor's rate-limit headers, 500/502/503, connection resets
 * before the request reaches the upstream or half-way through its answer, slow bodies
 * (`latency`), truncated JSON (`malformed`) and a missing id field. With `rateLimit.bucket`
 * it also enforces a token bucket per credential and reports it in the vendor's headers.
 * The same seed gives the same fault schedule; `stats` records every answer.
 *
 * @example
 * ```ts
 * const proxy = await startFaultProxy({
 *   upstream: emulator.url,
 *   faults: { seed: 3, rateLimit: 0.05, serverError: 0.05 },
 *   rateLimit: { headers: { remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset' } },
 *   clock,
 * });
 * const adapter = createAcmeAdapter({ baseUrl: proxy.url, http: { clock } });
 * ```
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(options.upstream);
  if (upstream.protocol !== 'http:' && upstream.protocol !== 'https:')
    throw new TypeError(`the fault proxy forwards to http: or https: origins, not ${upstream.protocol}`);
  const clock = options.clock ?? systemClock;
  const faults = options.faults instanceof Faults ? options.faults : new Faults();
  if (options.faults && !(options.faults instanceof Faults)) faults.configure(options.faults);
  const stats = new RequestStats();
  const rate = options.rateLimit ?? {};
  const buckets = rate.bucket ? new TokenBuckets(rate.bucket, () => clock.now()) : undefined;
  const secure = upstream.protocol === 'https:';
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const send = secure ? httpsRequest : httpRequest;
  const serverError =
    options.serverError ??
    ((status: number): SimResponse => ({
      status,
      body: { error: status === 503 ? 'Service Unavailable' : 'Internal Server Error' },
    }));
  const dropField = options.dropField ?? dropFirstIdField;

  const forward = (method: string, url: string, headers: IncomingMessage['headers'], body: Buffer) =>
    new Promise<UpstreamAnswer>((resolve, reject) => {
      const outgoing: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(headers))
        if (value !== undefined && !HOP_BY_HOP.has(name) && name !== 'host') outgoing[name] = value;
      outgoing['content-length'] = String(body.length);
      const request = send(
        { host: upstream.hostname, port: upstream.port, method, path: url, headers: outgoing, agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const copied: Record<string, string> = {};
            for (const [name, value] of Object.entries(response.headers))
              if (value !== undefined && !HOP_BY_HOP.has(name))
                copied[name] = Array.isArray(value) ? value.join(', ') : value;
            resolve({ status: response.statusCode ?? 502, headers: copied, body: Buffer.concat(chunks) });
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });

  const server = await startLoopbackServer(options.port, async (incoming, body, writer) => {
    const url = incoming.url ?? '/';
    const method = (incoming.method ?? 'GET').toUpperCase();
    const proxied: ProxiedRequest = {
      method,
      path: url.split('?')[0] ?? '/',
      headers: incoming.headers,
    };
    const route = options.route?.(proxied) ?? `${method} ${proxied.path}`;
    const record = (status: number, bytes: number, fault: FaultDecision) =>
      stats.record(
        { method, url, route, status, fault: fault.kind === 'none' ? undefined : fault.kind },
        bytes,
      );

    if (options.latencyMs) await clock.sleep(options.latencyMs);
    const applies = options.faultsApply?.(proxied) ?? true;
    const verdict = applies && buckets ? buckets.take(incoming.headers.authorization ?? '') : undefined;
    const budgetHeaders = verdict ? rateLimitHeaders(rate, verdict, clock.now()) : {};
    if (verdict && !verdict.allowed) {
      const answer = tooMany(rate, retryAfterSeconds(verdict.resetAtMs, clock.now()), budgetHeaders);
      record(answer.status, writer.answer(answer), { kind: 'none' });
      return;
    }
    const fault: FaultDecision = applies ? faults.decide() : { kind: 'none' };
    if (fault.kind === 'rate_limit') {
      const wait = rate.retryAfterSeconds ?? 1;
      const headers = rateLimitHeaders(
        rate,
        { limit: rate.bucket?.capacity ?? 1, remaining: 0, resetAtMs: clock.now() + wait * 1000 },
        clock.now(),
      );
      const answer = tooMany(rate, wait, headers);
      record(answer.status, writer.answer(answer), fault);
      return;
    }
    if (fault.kind === 'server_error') {
      const answer = serverError(fault.status);
      record(answer.status, writer.answer(answer), fault);
      return;
    }
    if (fault.kind === 'reset' && !fault.midBody) {
      record(0, 0, fault);
      writer.destroy();
      return;
    }

    let answer: UpstreamAnswer;
    try {
      answer = await forward(method, url, incoming.headers, body);
    } catch (error) {
      const bad: SimResponse = { status: 502, body: { error: 'Bad Gateway', message: String(error) } };
      record(bad.status, writer.answer(bad), fault);
      return;
    }
    let text = answer.body;
    if (fault.kind === 'missing_field') text = withoutField(text, dropField);
    if (fault.kind === 'malformed' && text.length > 1) text = text.subarray(0, Math.floor(text.length / 2));
    const headers = { ...answer.headers, ...budgetHeaders };
    if (fault.kind === 'reset') writer.cut(answer.status, headers, text);
    else if (fault.kind === 'latency') await writer.slow(answer.status, headers, text, clock, fault.ms);
    else writer.raw(answer.status, headers, text);
    record(answer.status, text.length, fault);
  });

  return {
    url: server.url,
    upstream: upstream.origin,
    faults,
    stats,
    async close() {
      await server.close();
      agent.destroy();
    },
  };
}

/** The 429 a vendor sends: its body, `Retry-After`, and its rate-limit headers. */
function tooMany(rate: ProxyRateLimit, wait: number, headers: Record<string, string>): SimResponse {
  const base: SimResponse = rate.response?.(wait) ?? { status: 429, body: { error: 'Too Many Requests' } };
  return { ...base, headers: { ...headers, 'retry-after': String(wait), ...base.headers } };
}

/** The body with one field dropped, when it is JSON; unchanged otherwise. */
function withoutField(body: Buffer, dropField: (body: unknown) => unknown): Buffer {
  try {
    return Buffer.from(JSON.stringify(dropField(JSON.parse(body.toString('utf8')))));
  } catch {
    return body;
  }
}
