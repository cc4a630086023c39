import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Directory, OrgPortError } from '@orgport/core';

/** One admin, as the service answers. */
export interface AdminRecord {
  readonly userId: string;
  readonly email: string | null;
  readonly name: string | null;
}

/** A running service. */
export interface AdminsService {
  /** Its origin, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  /** Stops accepting requests and closes the server. */
  close(): Promise<void>;
}

const ROUTE = /^\/organizations\/([^/?#]+)\/admins$/;

// OrgPortError codes a caller can act on, as HTTP statuses; anything else is the vendor's
// failure, reported as a bad gateway without its details.
const STATUS = new Map<string, number>([
  ['invalid_argument', 400],
  ['not_found', 404],
  ['unsupported', 501],
]);

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

async function answer(directory: Directory, request: IncomingMessage, response: ServerResponse) {
  const match =
    request.method === 'GET' ? ROUTE.exec(new URL(request.url ?? '/', 'http://service').pathname) : null;
  if (!match) return send(response, 404, { error: 'not_found', message: 'GET /organizations/{id}/admins' });
  try {
    const organizationId = decodeURIComponent(match[1] ?? '');
    const admins: AdminRecord[] = [];
    for await (const admin of directory.admins.list(organizationId)) {
      admins.push({ userId: admin.user.id, email: admin.user.email ?? null, name: admin.user.name ?? null });
    }
    send(response, 200, { organizationId, admins });
  } catch (error) {
    if (error instanceof URIError)
      return send(response, 400, { error: 'invalid_argument', message: 'bad id' });
    if (!OrgPortError.is(error)) throw error;
    const status = STATUS.get(error.code) ?? 502;
    send(response, status, {
      error: error.code,
      message: status === 502 ? 'the vendor failed' : error.message,
    });
  }
}

/**
 * Starts the service: `GET /organizations/{id}/admins` answers the organization's admins at
 * whichever vendor `directory` reaches, as JSON.
 */
export async function startAdminsService(
  directory: Directory,
  options: { readonly host?: string; readonly port?: number } = {},
): Promise<AdminsService> {
  const server: Server = createServer((request, response) => {
    answer(directory, request, response).catch(() => {
      if (!response.headersSent) send(response, 500, { error: 'internal', message: 'internal error' });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
