import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import type { FaultDecision, Faults } from './faults.js';
import type { RequestStats } from './request-stats.js';

/** One parsed request, as route handlers see it. */
export interface SimRequest {
  readonly method: string;
  readonly url: URL;
  /** Decoded path parameters. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  /** Parsed JSON or form body (`undefined` when empty). */
  readonly body: unknown;
  /** The route pattern, e.g. `GET /api/v2/organizations/:id`. */
  readonly route: string;
  /** Anything `before` wants to pass to handlers (e.g. the authenticated client). */
  readonly state: Record<string, unknown>;
}

/** A response a handler returns. */
export interface SimResponse {
  readonly status: number;
  /** JSON body; omitted for empty bodies. */
  readonly body?: unknown;
  /** A raw body instead of JSON. */
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One route. */
export interface SimRoute {
  readonly method: HTTPMethod;
  readonly path: string;
  readonly handler: (request: SimRequest) => SimResponse | Promise<SimResponse>;
  /** Whether fault injection applies (API routes yes, token endpoints no). Default true. */
  readonly faults?: boolean;
}

/** How a vendor simulator plugs into the shared server. */
export interface SimServerOptions {
  readonly routes: readonly SimRoute[];
  readonly faults: Faults;
  readonly stats: RequestStats;
  /** Runs before the handler (authentication, rate limiting); a response short-circuits. */
  readonly before?: (
    request: SimRequest,
    route: SimRoute,
  ) => SimResponse | undefined | Promise<SimResponse | undefined>;
  /** Extra headers on every response (e.g. rate-limit headers). */
  readonly headersFor?: (request: SimRequest) => Readonly<Record<string, string>>;
  /** The vendor's answer to an unknown path. */
  readonly notFound: (request: SimRequest) => SimResponse;
  /** The vendor's answer to a body that is not valid JSON. */
  readonly invalidBody: (request: SimRequest) => SimResponse;
  /** The vendor's injected 429 and 5xx responses. */
  readonly faultResponse: (kind: 'rate_limit' | 'server_error', status: number) => SimResponse;
  /** Removes one required field from a response body, for drift faults. */
  readonly dropField: (body: unknown) => unknown;
  /** Content type of JSON responses. */
  readonly contentType?: string;
  /** Added to every response, ms. */
  readonly latencyMs?: number | undefined;
  /** Port on 127.0.0.1; default 0 (any free port). */
  readonly port?: number | undefined;
}

/** A running simulator server. */
export interface SimServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function parseBody(
  raw: string,
  contentType: string | undefined,
): { ok: true; value: unknown } | { ok: false } {
  if (raw === '') return { ok: true, value: undefined };
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return { ok: true, value: Object.fromEntries(new URLSearchParams(raw)) };
  }
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

/**
 * The HTTP machinery both vendor simulators share: a real server on 127.0.0.1 (port 0),
 * routing with decoded path parameters, body parsing, authentication and rate-limit hooks,
 * seeded fault injection (429, 5xx, resets before or mid-body, latency, truncated JSON, a
 * missing field) and request statistics.
 */
export async function startSimServer(options: SimServerOptions): Promise<SimServer> {
  const router = FindMyWay({ ignoreTrailingSlash: true, caseSensitive: true });
  const routeOf = new Map<string, SimRoute>();
  for (const route of options.routes) {
    router.on(route.method, route.path, () => undefined, { key: `${route.method} ${route.path}` });
    routeOf.set(`${route.method} ${route.path}`, route);
  }
  const sockets = new Set<Socket>();
  const contentType = options.contentType ?? 'application/json; charset=utf-8';

  const send = (
    res: ServerResponse,
    request: SimRequest,
    response: SimResponse,
    fault?: FaultDecision,
  ): number => {
    let text = response.text ?? (response.body === undefined ? '' : JSON.stringify(response.body));
    if (fault?.kind === 'missing_field' && response.body !== undefined) {
      text = JSON.stringify(options.dropField(structuredClone(response.body)));
    }
    if (fault?.kind === 'malformed' && text.length > 1)
      text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    const headers: Record<string, string> = {
      'content-type': contentType,
      ...options.headersFor?.(request),
      ...response.headers,
    };
    const bytes = Buffer.byteLength(text);
    if (fault?.kind === 'reset' && fault.midBody && bytes > 1) {
      res.writeHead(response.status, { ...headers, 'content-length': String(bytes) });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      setImmediate(() => res.socket?.destroy());
      return bytes;
    }
    res.writeHead(response.status, { ...headers, 'content-length': String(bytes) });
    res.end(text);
    return bytes;
  };

  const server = createServer({ noDelay: true, keepAlive: true }, (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      void handle(req, res, Buffer.concat(chunks).toString('utf8'), size).catch((error: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': contentType });
          res.end(
            JSON.stringify({ statusCode: 500, error: 'Internal Server Error', message: String(error) }),
          );
        }
      });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, raw: string, size: number): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const found = router.find(method as HTTPMethod, url.pathname);
    const key = (found?.store as { key?: string } | undefined)?.key;
    const route = key ? routeOf.get(key) : undefined;
    const parsed = parseBody(raw, req.headers['content-type']);
    const request: SimRequest = {
      method,
      url,
      params: (found?.params ?? {}) as Record<string, string>,
      query: url.searchParams,
      headers: req.headers,
      body: parsed.ok ? parsed.value : undefined,
      route: key ?? 'unmatched',
      state: {},
    };
    const finish = (response: SimResponse, fault?: FaultDecision): void => {
      const bytes = send(res, request, response, fault);
      options.stats.record(
        {
          method,
          url: req.url ?? '/',
          route: request.route,
          status: response.status,
          fault: fault && fault.kind !== 'none' ? fault.kind : undefined,
        },
        bytes,
      );
    };

    if (options.latencyMs) await sleep(options.latencyMs);
    if (!route) return finish(options.notFound(request));
    if (size > MAX_BODY_BYTES) {
      return finish({
        status: 413,
        body: { statusCode: 413, error: 'Payload Too Large', message: 'Payload too large' },
      });
    }
    if (!parsed.ok) return finish(options.invalidBody(request));
    const early = await options.before?.(request, route);
    if (early) return finish(early);

    const fault: FaultDecision = route.faults === false ? { kind: 'none' } : options.faults.decide();
    if (fault.kind === 'latency') await sleep(fault.ms);
    if (fault.kind === 'rate_limit') return finish(options.faultResponse('rate_limit', 429), fault);
    if (fault.kind === 'server_error')
      return finish(options.faultResponse('server_error', fault.status), fault);
    if (fault.kind === 'reset' && !fault.midBody) {
      options.stats.record(
        { method, url: req.url ?? '/', route: request.route, status: 0, fault: 'reset' },
        0,
      );
      req.socket.destroy();
      return;
    }
    finish(await route.handler(request), fault);
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A port in use fails the start (instead of an unhandled 'error' event).
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
