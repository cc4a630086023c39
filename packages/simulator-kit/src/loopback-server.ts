import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Clock } from '@orgport/core';
import type { SimResponse } from './sim-server.js';

/** The ways a loopback server's handler can answer, including the broken ones faults need. */
export interface BodyWriter {
  /** Sends a response as JSON (or its `text`); returns the body's byte length. */
  answer(response: SimResponse): number;
  /** Sends raw bytes as they are. */
  raw(status: number, headers: Readonly<Record<string, string>>, body: Buffer): void;
  /** Announces the whole body, sends half of it, and drops the connection. */
  cut(status: number, headers: Readonly<Record<string, string>>, body: Buffer): void;
  /** Sends half the body, waits `ms` on `clock`, then the rest. */
  slow(
    status: number,
    headers: Readonly<Record<string, string>>,
    body: Buffer,
    clock: Clock,
    ms: number,
  ): Promise<void>;
  /** Drops the connection without an answer. */
  destroy(): void;
}

/** A running loopback server. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Stops it and drops open connections. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * An HTTP server on 127.0.0.1 that reads each request body whole (up to 10 MiB) and hands
 * it to `handle` with a {@link BodyWriter}. A handler that throws answers 500.
 */
export async function startLoopbackServer(
  port: number | undefined,
  handle: (request: IncomingMessage, body: Buffer, writer: BodyWriter) => Promise<void>,
): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const server = createServer({ noDelay: true, keepAlive: true }, (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      const head = (status: number, headers: Readonly<Record<string, string>>, bytes: number) =>
        res.writeHead(status, { ...headers, 'content-length': String(bytes) });
      const writer: BodyWriter = {
        answer(response) {
          const text = response.text ?? (response.body === undefined ? '' : JSON.stringify(response.body));
          const bytes = Buffer.byteLength(text);
          head(response.status, { 'content-type': 'application/json', ...response.headers }, bytes);
          res.end(text);
          return bytes;
        },
        raw(status, headers, body) {
          head(status, headers, body.length);
          res.end(body);
        },
        cut(status, headers, body) {
          head(status, headers, body.length);
          res.write(body.subarray(0, Math.floor(body.length / 2)));
          setImmediate(() => res.socket?.destroy());
        },
        async slow(status, headers, body, clock, ms) {
          head(status, headers, body.length);
          const half = Math.floor(body.length / 2);
          res.write(body.subarray(0, half));
          await clock.sleep(ms);
          res.end(body.subarray(half));
        },
        destroy: () => req.socket.destroy(),
      };
      if (size > MAX_BODY_BYTES) {
        writer.answer({ status: 413, body: { error: 'Payload Too Large' } });
        return;
      }
      handle(req, Buffer.concat(chunks), writer).catch((error: unknown) => {
        if (!res.headersSent) writer.answer({ status: 500, body: { error: String(error) } });
        else res.socket?.destroy();
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
