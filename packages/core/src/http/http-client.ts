import { Agent, type Dispatcher } from 'undici';
import type { z } from 'zod';
import type { ErrorCode } from '../errors/error-code.js';
import { OrgPortError } from '../errors/orgport-error.js';
import { throwIfAborted } from '../errors/to-orgport-error.js';
import type { Clock } from '../time/clock.js';
import { systemClock } from '../time/system-clock.js';
import type { Tracer } from '../tracing/tracer.js';
import { formatIssues } from '../validation/format-issues.js';
import type { AuthProvider } from './auth.js';
import { parseBaseUrl } from './base-url.js';
import { type Exchange, startExchange } from './exchange.js';
import type { HttpEvent, HttpEventListener } from './http-events.js';
import { RateLimitBudget } from './rate-limit-budget.js';
import { type RateLimitInfo, readRateLimitHeaders } from './rate-limit-headers.js';
import { redact } from './redactor.js';
import type { RequestPacer } from './request-pacer.js';
import { RequestSpan } from './request-span.js';
import { backoffDelay, DEFAULT_RETRY_POLICY, isRetryableStatus, type RetryPolicy } from './retry-policy.js';
import { errorCodeForStatus } from './status-code.js';

/** HTTP methods the transport sends. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Query parameters; `undefined` values are left out, arrays repeat the key. */
export type QueryParams = Readonly<Record<string, string | number | boolean | undefined | readonly string[]>>;

/** Timeouts of the transport, in milliseconds. */
export interface HttpTimeouts {
  /** TCP + TLS connect. Default 10 000. */
  readonly connectMs?: number;
  /** Until response headers arrive. Default 30 000. */
  readonly headersMs?: number;
  /** Between body chunks. Default 30 000. */
  readonly bodyMs?: number;
  /** Whole attempt, headers and body. Default 30 000. */
  readonly requestMs?: number;
  /**
   * The whole call: every attempt and every wait between them. Default 120 000. A port
   * that never answers or a body that trickles fails within it, whatever the retries.
   */
  readonly totalMs?: number;
}

/** How much of an answer the client reads, in bytes. */
export interface HttpLimits {
  /** Largest successful response body. Default 64 MiB (a single-document member list of a large tenant fits). */
  readonly responseBytes?: number;
  /** Largest error response body (only its message is used). Default 1 MiB. */
  readonly errorResponseBytes?: number;
}

/** A failed vendor response, as given to {@link HttpClientOptions.classifyError}. */
export interface VendorFailure {
  /** HTTP status. */
  readonly status: number;
  /** The body parsed as JSON, or the raw text when it is not JSON. */
  readonly body: unknown;
  /** Lower-cased response headers. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Method and path of the request (no query). */
  readonly method: HttpMethod;
  /** Path of the request without its query. */
  readonly path: string;
}

/** What an adapter says about a failed response; unset fields keep the defaults. */
export interface VendorErrorClassification {
  /** The orgport code; default from the status. */
  readonly code?: ErrorCode;
  /** Human message; default from the body's `message`/`error_description`/text. */
  readonly message?: string;
  /** The vendor's machine code, e.g. `insufficient_scope`. */
  readonly errorCode?: string;
}

/** Options of {@link createHttpClient}. */
export interface HttpClientOptions {
  /** Adapter name, used in errors and events. */
  readonly vendor: string;
  /** API base, e.g. `https://tenant.auth0.com/api/v2`; `https:` unless loopback. */
  readonly baseUrl: string;
  /** Adds credentials to each request (unless the request opts out). */
  readonly auth?: AuthProvider | undefined;
  /** Retry policy overrides. */
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Timeout overrides. */
  readonly timeouts?: HttpTimeouts | undefined;
  /** Response size limits: an answer past them is refused, never read whole, never retried. */
  readonly limits?: HttpLimits | undefined;
  /** Connections per origin. Default 16. */
  readonly connections?: number | undefined;
  /** Maps a vendor error body to a code and message. */
  readonly classifyError?: ((failure: VendorFailure) => VendorErrorClassification | undefined) | undefined;
  /** Receives every transport event. */
  readonly onEvent?: HttpEventListener | undefined;
  /** An undici dispatcher to use instead of the client's own Agent (not closed by `close()`). */
  readonly dispatcher?: Dispatcher | undefined;
  /** Sent as `user-agent`. */
  readonly userAgent?: string | undefined;
  /** Other secrets to redact from messages (e.g. a client secret used outside `auth`). */
  readonly secrets?: readonly string[] | undefined;
  /** Random source for jitter, injectable for tests. */
  readonly random?: (() => number) | undefined;
  /**
   * Time source for backoff, rate-limit pacing and `Retry-After` (default: the real clock).
   * Socket timeouts always use real time.
   */
  readonly clock?: Clock | undefined;
  /** A budget shared with other clients or processes, awaited before every attempt. */
  readonly pacer?: RequestPacer | undefined;
  /**
   * Records one span per request (every attempt and wait included): method, path without
   * its query, final status, retries and rate-limit waits. See `@orgport/core/opentelemetry`.
   */
  readonly tracer?: Tracer | undefined;
}

/** The transport settings an adapter lets its users override. */
export type HttpTransportOptions = Partial<
  Omit<HttpClientOptions, 'vendor' | 'baseUrl' | 'auth' | 'classifyError' | 'secrets'>
>;

/** One request. */
export interface HttpRequest<T> {
  /** HTTP method. */
  readonly method: HttpMethod;
  /** Path below the base URL, built with the `path` tag so ids are encoded. */
  readonly path: string;
  /** Resolve `path` from the origin instead of the base URL's path (e.g. `/oauth/token`). */
  readonly fromOrigin?: boolean;
  /** Query parameters. */
  readonly query?: QueryParams | undefined;
  /** JSON body. */
  readonly json?: unknown;
  /** Form-encoded body (instead of `json`). */
  readonly form?: Readonly<Record<string, string>> | undefined;
  /** Validates the JSON response body; without it the body is ignored. */
  readonly schema?: z.ZodType<T> | undefined;
  /**
   * A fast path for large answers: checks the parsed JSON in place (no copy of every item)
   * and returns the response's value, or `undefined` when it is not valid, in which case
   * `schema` runs and its error names the field. It must accept exactly what `schema`
   * accepts (test it against `schema` with generated values); `schema` is still required.
   */
  readonly validate?: ((value: unknown) => T | undefined) | undefined;
  /** Whether sending twice is harmless; default true for GET, PUT, DELETE. */
  readonly idempotent?: boolean | undefined;
  /** Send credentials; default true. */
  readonly authenticate?: boolean | undefined;
  /** Cancels the request, its retries and its waits. */
  readonly signal?: AbortSignal | undefined;
  /** Extra headers (never secrets: they are not redacted from the wire, only from messages). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /**
   * The vendor rate-limit bucket this request draws from, for vendors that limit per route
   * (e.g. `POST /v1/organizations/{id}/members/{userId}`). Requests without one share the
   * client-wide budget.
   */
  readonly rateLimitKey?: string | undefined;
  /** The largest body to read for this request, overriding the client's `limits`. */
  readonly maxResponseBytes?: number | undefined;
}

/** A successful response. */
export interface HttpResponse<T> {
  /** HTTP status (2xx). */
  readonly status: number;
  /** Lower-cased response headers. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The validated body (`undefined` without a schema). */
  readonly data: T;
}

/** The shared HTTP transport every adapter uses. */
export interface HttpClient {
  /** Adapter name. */
  readonly vendor: string;
  /** The checked base URL. */
  readonly baseUrl: URL;
  /** The client's clock: adapters read the time from it, so tests can share one virtual clock. */
  readonly clock: Clock;
  /** Sends a request with retries, pacing, validation and error mapping. */
  request<T = undefined>(request: HttpRequest<T>): Promise<HttpResponse<T>>;
  /** Subscribes to events; returns the unsubscribe function. */
  on(listener: HttpEventListener): () => void;
  /** Redacts every known secret from a string. */
  redact(text: string): string;
  /** Closes the client's own connections; later requests fail at once. */
  close(): Promise<void>;
}

const IDEMPOTENT_METHODS = new Set<HttpMethod>(['GET', 'PUT', 'DELETE']);
const RESET_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

type Attempt =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly headers: VendorFailure['headers'];
      /** The rate-limit headers, read (and learned by the budget) when the answer arrived. */
      readonly rateLimit: RateLimitInfo;
      readonly text: string;
    }
  | { readonly kind: 'error'; readonly code: ErrorCode; readonly reason: string }
  | { readonly kind: 'oversized'; readonly status: number; readonly limit: number };

const MIB = 1024 * 1024;

function buildQuery(query: QueryParams | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

function vendorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, 300) || undefined;
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ['message', 'error_description', 'title', 'error', 'detail']) {
    const value = record[key];
    if (typeof value === 'string' && value !== '') return value.slice(0, 300);
  }
  // ASP.NET-style `{ field: ["message"] }` bodies.
  const first = Object.entries(record).find(([, value]) => Array.isArray(value));
  if (first && typeof (first[1] as unknown[])[0] === 'string')
    return `${first[0]}: ${(first[1] as string[])[0]}`;
  return undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function firstHeader(headers: VendorFailure['headers'], ...names: string[]): string | undefined {
  for (const name of names) {
    const value = headers[name];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/**
 * Creates the transport: undici Agent with keep-alive and timeouts; retries with
 * full-jitter backoff on 408/429/5xx and connection failures for idempotent requests (and
 * on 429 for any request, which the vendor did not process); one shared rate-limit budget
 * paced from response headers; zod validation of responses (`invalid_response` naming the
 * field); one refresh-and-retry on 401 when the auth provider can refresh; secrets redacted
 * from every error and event.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const vendor = options.vendor;
  const baseUrl = parseBaseUrl(options.baseUrl);
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const timeouts = {
    connectMs: 10_000,
    headersMs: 30_000,
    bodyMs: 30_000,
    requestMs: 30_000,
    totalMs: 120_000,
    ...options.timeouts,
  };
  const limits = { responseBytes: 64 * MIB, errorResponseBytes: MIB, ...options.limits };
  let closed = false;
  const clock = options.clock ?? systemClock;
  const now = (): number => clock.now();
  const random = options.random ?? Math.random;
  const listeners = new Set<HttpEventListener>();
  if (options.onEvent) listeners.add(options.onEvent);
  const ownAgent = options.dispatcher
    ? undefined
    : new Agent({
        connections: options.connections ?? 16,
        keepAliveTimeout: 10_000,
        connect: { timeout: timeouts.connectMs },
      });
  const dispatcher: Dispatcher = options.dispatcher ?? (ownAgent as Agent);
  const staticSecrets = options.secrets ?? [];

  const secrets = (): readonly string[] => [...staticSecrets, ...(options.auth?.secrets() ?? [])];
  const redactText = (text: string): string => redact(text, secrets());

  const emit = (event: HttpEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A failing listener must not break requests.
      }
    }
  };

  // One budget per vendor bucket: a drained route must not stall the others.
  const budgets = new Map<string, RateLimitBudget>();
  const budgetFor = (key: string | undefined): RateLimitBudget => {
    const name = key ?? '';
    let budget = budgets.get(name);
    if (!budget) {
      budget = new RateLimitBudget(
        clock,
        (waitMs, reason) => emit({ type: 'rateLimited', vendor, waitMs, reason }),
        policy.maxRetryAfterMs,
      );
      budgets.set(name, budget);
    }
    return budget;
  };

  // Headers every request carries, built once.
  const baseHeaders: Readonly<Record<string, string>> = options.userAgent
    ? { accept: 'application/json', 'user-agent': options.userAgent }
    : { accept: 'application/json' };

  // The fixed headers with the current credential's, rebuilt only when the credential changes.
  let lastAuth: Readonly<Record<string, string>> | undefined;
  let lastWithAuth: Readonly<Record<string, string>> = baseHeaders;
  const withAuth = (auth: Readonly<Record<string, string>> | undefined): Readonly<Record<string, string>> => {
    if (!auth) return baseHeaders;
    if (auth !== lastAuth) {
      lastAuth = auth;
      lastWithAuth = Object.freeze({ ...baseHeaders, ...auth });
    }
    return lastWithAuth;
  };

  async function send(
    request: HttpRequest<unknown>,
    fullPath: string,
    attempt: number,
    deadline: number,
    span: RequestSpan | undefined,
  ): Promise<Attempt> {
    const waitStarted = span ? now() : 0;
    if (options.pacer) await options.pacer.acquire(request.signal);
    const budget = budgetFor(request.rateLimitKey);
    const release = await budget.acquire(request.signal, {
      leftMs: () => deadline - performance.now(),
      error: () =>
        new OrgPortError(
          'timeout',
          `${vendor}: ${request.method} ${request.path} would wait for the rate limit past its deadline (timeouts.totalMs)`,
          { vendor },
        ),
    });
    if (span) span.waited(now() - waitStarted);
    let exchange: Exchange | undefined;
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const callerSignal = request.signal;
    const forward = () => exchange?.abort(new Error('cancelled'));
    try {
      const authHeaders =
        request.authenticate === false ? undefined : await options.auth?.headers(callerSignal);
      let headers: Readonly<Record<string, string>> = request.headers
        ? { ...baseHeaders, ...request.headers, ...authHeaders }
        : withAuth(authHeaders);
      let body: string | undefined;
      if (request.form) {
        headers = { ...headers, 'content-type': 'application/x-www-form-urlencoded' };
        body = new URLSearchParams(request.form as Record<string, string>).toString();
      } else if (request.json !== undefined) {
        headers = { ...headers, 'content-type': 'application/json' };
        body = JSON.stringify(request.json);
      }
      if (listeners.size > 0)
        emit({ type: 'request', vendor, method: request.method, path: fullPath, attempt });
      const started = now();
      let rateLimit: RateLimitInfo = {};
      exchange = startExchange(dispatcher, {
        origin: baseUrl.origin,
        path: fullPath,
        method: request.method,
        headers,
        body,
        headersTimeout: timeouts.headersMs,
        bodyTimeout: timeouts.bodyMs,
        limitFor: (status) =>
          status >= 200 && status < 300
            ? (request.maxResponseBytes ?? limits.responseBytes)
            : limits.errorResponseBytes,
        // Learn the budget the moment the answer arrives, while this request still counts as
        // in flight: learned after the slot is released, a waiting request would go on the
        // old count and overdraw a drained bucket.
        onHeaders: (_status, responseHeaders) => {
          rateLimit = readRateLimitHeaders(responseHeaders, now());
          budget.observe(rateLimit);
        },
      });
      // The whole attempt ends by its deadline; the caller's signal ends it at once.
      const current = exchange;
      timer = setTimeout(
        () => {
          timedOut = true;
          current.abort(new Error('timeout'));
        },
        Math.max(1, Math.min(timeouts.requestMs, deadline - performance.now())),
      );
      if (callerSignal) {
        if (callerSignal.aborted) forward();
        else callerSignal.addEventListener('abort', forward, { once: true });
      }
      const answer = await current.result;
      if (answer.kind === 'oversized')
        return { kind: 'oversized', status: answer.status, limit: answer.limit };
      if (listeners.size > 0)
        emit({
          type: 'response',
          vendor,
          method: request.method,
          path: fullPath,
          attempt,
          status: answer.status,
          durationMs: now() - started,
        });
      return {
        kind: 'response',
        status: answer.status,
        headers: answer.headers,
        rateLimit,
        text: answer.text,
      };
    } catch (error) {
      if (callerSignal?.aborted) {
        throw new OrgPortError('cancelled', `${vendor}: ${request.method} ${fullPath} was cancelled`, {
          vendor,
          cause: callerSignal.reason,
        });
      }
      if (OrgPortError.is(error)) throw error;
      const code = (error as { code?: unknown }).code;
      const name = (error as { name?: unknown }).name;
      if (timedOut || name === 'TimeoutError' || (typeof code === 'string' && TIMEOUT_CODES.has(code))) {
        return { kind: 'error', code: 'timeout', reason: typeof code === 'string' ? code : 'timeout' };
      }
      if (typeof code === 'string' && RESET_CODES.has(code)) {
        return { kind: 'error', code: 'unavailable', reason: code };
      }
      const message = error instanceof Error ? error.message : String(error);
      return { kind: 'error', code: 'unavailable', reason: redactText(message) };
    } finally {
      if (timer) clearTimeout(timer);
      callerSignal?.removeEventListener('abort', forward);
      release();
    }
  }

  function failureError(
    request: HttpRequest<unknown>,
    pathOnly: string,
    attempt: Extract<Attempt, { kind: 'response' }>,
    info: RateLimitInfo,
  ): OrgPortError {
    const parsed = parseJson(attempt.text);
    const body = parsed.ok ? parsed.value : attempt.text;
    const failure: VendorFailure = {
      status: attempt.status,
      body,
      headers: attempt.headers,
      method: request.method,
      path: pathOnly,
    };
    const classified = options.classifyError?.(failure) ?? {};
    const code = classified.code ?? errorCodeForStatus(attempt.status);
    const detail = classified.message ?? vendorMessage(body) ?? `HTTP ${attempt.status}`;
    const errorCode =
      classified.errorCode ??
      (typeof (body as { errorCode?: unknown })?.errorCode === 'string'
        ? (body as { errorCode: string }).errorCode
        : undefined);
    const retryAfterMs =
      info.retryAfterMs ??
      (info.resetAtMs !== undefined && code === 'rate_limited'
        ? Math.max(0, info.resetAtMs - now())
        : undefined);
    return new OrgPortError(
      code,
      redactText(`${vendor}: ${request.method} ${pathOnly} failed with ${attempt.status}: ${detail}`),
      {
        vendor,
        status: attempt.status,
        errorCode,
        retryAfterMs,
        requestId: firstHeader(attempt.headers, 'x-request-id', 'x-correlation-id', 'request-id'),
      },
    );
  }

  function request<T>(request: HttpRequest<T>): Promise<HttpResponse<T>> {
    const { tracer } = options;
    if (!tracer) return perform(request, undefined);
    const prefix = request.fromOrigin || baseUrl.pathname === '/' ? '' : baseUrl.pathname;
    const attributes = {
      'orgport.vendor': vendor,
      'http.request.method': request.method,
      'url.path': `${prefix}${request.path}`,
    };
    return tracer.trace(`${vendor} ${request.method}`, attributes, (span) =>
      perform(request, new RequestSpan(span)),
    );
  }

  async function perform<T>(
    request: HttpRequest<T>,
    span: RequestSpan | undefined,
  ): Promise<HttpResponse<T>> {
    const prefix = request.fromOrigin || baseUrl.pathname === '/' ? '' : baseUrl.pathname;
    const pathOnly = `${prefix}${request.path}`;
    const fullPath = `${pathOnly}${buildQuery(request.query)}`;
    const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
    if (closed) {
      throw new OrgPortError('failed_precondition', `${vendor}: the client is closed (close() was called)`, {
        vendor,
      });
    }
    // Real time, like the socket timeouts: the whole call ends by this moment.
    const deadline = performance.now() + timeouts.totalMs;
    const pastDeadline = (): OrgPortError =>
      new OrgPortError(
        'timeout',
        `${vendor}: ${request.method} ${pathOnly} did not complete within ${timeouts.totalMs} ms (timeouts.totalMs)`,
        { vendor },
      );
    let attempt = 0;
    let refreshedAuth = false;

    const retryOrThrow = async (
      reason: string,
      delayMs: number,
      error: () => OrgPortError,
    ): Promise<void> => {
      if (attempt >= policy.maxRetries) throw error();
      if (performance.now() + delayMs >= deadline) throw pastDeadline();
      emit({ type: 'retry', vendor, method: request.method, path: fullPath, attempt, delayMs, reason });
      span?.retried(attempt + 1, delayMs, reason);
      await clock.sleep(delayMs, request.signal);
      attempt++;
    };

    for (;;) {
      throwIfAborted(request.signal, vendor);
      if (performance.now() >= deadline) throw pastDeadline();
      const result = await send(request as HttpRequest<unknown>, fullPath, attempt, deadline, span);
      if (span && result.kind !== 'error') span.answered(result.status);
      if (result.kind === 'oversized') {
        // Never retried: the same answer would be as large again.
        throw new OrgPortError(
          'invalid_response',
          `${vendor}: ${request.method} ${pathOnly} answered ${result.status} with a body larger than ${result.limit} bytes (limits.${result.status < 300 ? 'responseBytes' : 'errorResponseBytes'}); it was not read`,
          { vendor, status: result.status, meta: { limit: result.limit } },
        );
      }
      if (result.kind === 'error') {
        const error = (): OrgPortError =>
          new OrgPortError(
            result.code,
            `${vendor}: ${request.method} ${pathOnly} failed: ${result.code === 'timeout' ? 'timed out' : 'connection failed'} (${result.reason})`,
            { vendor, meta: { reason: result.reason } },
          );
        if (!idempotent) throw error();
        await retryOrThrow(result.reason, backoffDelay(attempt, policy, random), error);
        continue;
      }

      const info = result.rateLimit;

      if (result.status >= 200 && result.status < 300) {
        if (!request.schema) return { status: result.status, headers: result.headers, data: undefined as T };
        const parsed = parseJson(result.text);
        if (!parsed.ok) {
          const error = (): OrgPortError =>
            new OrgPortError(
              'invalid_response',
              `${vendor}: ${request.method} ${pathOnly} returned a body that is not valid JSON`,
              { vendor, status: result.status },
            );
          if (!idempotent) throw error();
          await retryOrThrow('invalid JSON', backoffDelay(attempt, policy, random), error);
          continue;
        }
        const fast = request.validate?.(parsed.value);
        if (fast !== undefined) return { status: result.status, headers: result.headers, data: fast };
        const validated = request.schema.safeParse(parsed.value);
        if (!validated.success) {
          throw new OrgPortError(
            'invalid_response',
            redactText(
              `${vendor}: ${request.method} ${pathOnly} returned an unexpected response: ${formatIssues(validated.error)}`,
            ),
            { vendor, status: result.status, meta: { issues: validated.error.issues.length } },
          );
        }
        return { status: result.status, headers: result.headers, data: validated.data };
      }

      if (
        result.status === 401 &&
        request.authenticate !== false &&
        options.auth?.invalidate &&
        !refreshedAuth
      ) {
        refreshedAuth = true;
        options.auth.invalidate();
        continue;
      }

      const error = (): OrgPortError => failureError(request as HttpRequest<unknown>, pathOnly, result, info);
      if (result.status === 429) {
        const wait =
          info.retryAfterMs ??
          (info.resetAtMs !== undefined && info.resetAtMs > now() ? info.resetAtMs - now() : undefined);
        if (wait !== undefined) {
          if (wait > policy.maxRetryAfterMs) throw error();
          budgetFor(request.rateLimitKey).blockUntil(now() + wait);
        }
        await retryOrThrow('429', Math.max(wait ?? 0, backoffDelay(attempt, policy, random)), error);
        continue;
      }
      if (idempotent && isRetryableStatus(result.status)) {
        const delay = Math.max(info.retryAfterMs ?? 0, backoffDelay(attempt, policy, random));
        if (delay > policy.maxRetryAfterMs) throw error();
        await retryOrThrow(String(result.status), delay, error);
        continue;
      }
      throw error();
    }
  }

  return {
    vendor,
    baseUrl,
    clock,
    request,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    redact: redactText,
    async close() {
      if (closed) return;
      closed = true;
      await ownAgent?.close();
    },
  };
}
