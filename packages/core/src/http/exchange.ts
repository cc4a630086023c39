import type { Dispatcher } from 'undici';

/** Lower-cased response headers, as undici parses them. */
export type ResponseHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** What one HTTP exchange gave: the answer read whole, or an answer too large to read. */
export type ExchangeResult =
  | {
      readonly kind: 'answer';
      readonly status: number;
      readonly headers: ResponseHeaders;
      readonly text: string;
    }
  | { readonly kind: 'oversized'; readonly status: number; readonly limit: number };

/** One request on the wire and how much of its answer to read. */
export interface ExchangeRequest {
  readonly origin: string;
  readonly path: string;
  readonly method: Dispatcher.HttpMethod;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly headersTimeout: number;
  readonly bodyTimeout: number;
  /** The largest body to read for an answer of this status; past it the exchange stops reading. */
  readonly limitFor: (status: number) => number;
  /** Called once with the final (non-1xx) status and headers, before the body is read. */
  readonly onHeaders?: ((status: number, headers: ResponseHeaders) => void) | undefined;
}

/** An exchange under way: its outcome, and a way to end it early. */
export interface Exchange {
  /** The answer, or the transport's error (undici's, with its `code`), or the abort reason. */
  readonly result: Promise<ExchangeResult>;
  /** Ends the exchange now: `result` rejects with `reason` and the connection stops reading. */
  abort(reason: Error): void;
}

/**
 * Sends one request through undici's dispatcher and collects the answer's body in memory,
 * up to a limit. This is the transport's hot path: it costs one handler object per request
 * where `dispatcher.request` builds a Readable stream, an async iterator over it and an
 * AbortSignal, and it can stop reading the moment an answer passes its limit.
 */
export function startExchange(dispatcher: Dispatcher, request: ExchangeRequest): Exchange {
  let controller: Dispatcher.DispatchController | undefined;
  let abortReason: Error | undefined;
  let settled = false;
  let resolveResult!: (result: ExchangeResult) => void;
  let rejectResult!: (error: unknown) => void;
  const result = new Promise<ExchangeResult>((resolve, reject) => {
    resolveResult = resolve;
    rejectResult = reject;
  });
  const settle = (outcome: ExchangeResult): void => {
    if (settled) return;
    settled = true;
    resolveResult(outcome);
  };
  const fail = (error: unknown): void => {
    if (settled) return;
    settled = true;
    rejectResult(error);
  };

  let status = 0;
  let headers: ResponseHeaders = {};
  let limit = 0;
  let size = 0;
  const chunks: Buffer[] = [];
  const stopReading = (current: Dispatcher.DispatchController): void => {
    settle({ kind: 'oversized', status, limit });
    current.abort(new Error(`the answer is larger than ${limit} bytes`));
  };

  const handler: Dispatcher.DispatchHandler = {
    onRequestStart(current) {
      controller = current;
      if (abortReason) current.abort(abortReason);
    },
    onResponseStart(current, statusCode, responseHeaders) {
      if (statusCode < 200) return; // 1xx: the answer is still to come
      status = statusCode;
      headers = responseHeaders as ResponseHeaders;
      request.onHeaders?.(status, headers);
      limit = request.limitFor(status);
      const declared = Number(headers['content-length']);
      if (Number.isFinite(declared) && declared > limit) stopReading(current);
    },
    onResponseData(current, chunk) {
      if (settled) return;
      size += chunk.length;
      if (size > limit) stopReading(current);
      else chunks.push(chunk);
    },
    onResponseEnd() {
      // A body that came in one chunk is decoded where it lies, without a copy.
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
      settle({ kind: 'answer', status, headers, text: body.toString('utf8') });
    },
    onResponseError(_current, error) {
      fail(error);
    },
  };

  try {
    dispatcher.dispatch(
      {
        origin: request.origin,
        path: request.path,
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        headersTimeout: request.headersTimeout,
        bodyTimeout: request.bodyTimeout,
      },
      handler,
    );
  } catch (error) {
    fail(error);
  }

  return {
    result,
    abort(reason) {
      if (settled) return;
      abortReason = reason;
      controller?.abort(reason);
      fail(reason);
    },
  };
}
