import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback proxy and its origin. */
export interface ContentTypeProxy {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A test-harness workaround for the official SDK only: `@clerk/backend` parses a body as
 * JSON only when `content-type` is exactly `application/json` and otherwise hands back the
 * raw text, while the community emulator answers `application/json; charset=UTF-8`. This
 * proxy on 127.0.0.1 forwards everything to `upstream` unchanged except that header. The
 * adapter never goes through it.
 */
export async function startContentTypeProxy(upstream: string): Promise<ContentTypeProxy> {
  const target = new URL(upstream);
  const server = createServer((incoming, outgoing) => {
    const upstreamRequest = forward(
      {
        hostname: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: target.host },
      },
      (answer) => {
        const headers = { ...answer.headers };
        if (headers['content-type']?.startsWith('application/json'))
          headers['content-type'] = 'application/json';
        outgoing.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(outgoing);
      },
    );
    upstreamRequest.on('error', () => {
      outgoing.writeHead(502).end();
    });
    incoming.pipe(upstreamRequest);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
