import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One exchange the proxy passed on. */
export interface RecordedExchange {
  readonly method: string;
  /** Path without the query. */
  readonly path: string;
  readonly status: number;
  /** The response body as sent (may be empty). */
  readonly body: string;
  /** The request body as the client sent it (may be empty). */
  readonly requestBody: string;
}

/** A pass-through proxy on 127.0.0.1 that records every exchange, to check answers against the spec. */
export interface RecordingProxy {
  readonly url: string;
  readonly exchanges: RecordedExchange[];
  close(): Promise<void>;
}

const readBody = (request: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

/** Starts a recording proxy in front of `upstream` (a loopback origin). */
export async function startRecordingProxy(upstream: string): Promise<RecordingProxy> {
  const exchanges: RecordedExchange[] = [];
  const server = createServer(async (request, response) => {
    try {
      const body = await readBody(request);
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers))
        if (typeof value === 'string' && name !== 'host' && name !== 'connection') headers.set(name, value);
      const answer = await fetch(`${upstream}${request.url ?? '/'}`, {
        method: request.method ?? 'GET',
        headers,
        ...(body.length > 0 ? { body } : {}),
      });
      const text = await answer.text();
      exchanges.push({
        method: request.method ?? 'GET',
        path: new URL(request.url ?? '/', upstream).pathname,
        status: answer.status,
        body: text,
        requestBody: body.toString('utf8'),
      });
      const out: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (name !== 'content-length' && name !== 'transfer-encoding' && name !== 'connection')
          out[name] = value;
      });
      response.writeHead(answer.status, out);
      response.end(text);
    } catch (error) {
      response.writeHead(502);
      response.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
