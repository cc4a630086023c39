import {
  Faults,
  RequestStats,
  type SimRequest,
  type SimResponse,
  startSimServer,
} from '@orgport/simulator-kit';

/** A running emulator: where it listens, the key it accepts, and how to stop it. */
export interface Emulator {
  readonly url: string;
  readonly apiKey: string;
  close(): Promise<void>;
}

const error = (status: number, message: string): SimResponse => ({ status, body: { error: { message } } });
const PAGE_LIMIT = 100;

/**
 * A stand-in for the vendor's own emulator (or a local instance of its server): replace
 * this function with the one the vendor ships, e.g. its npm emulator package's start.
 * It speaks the vendor's API, including the admin calls the harness seeds with, and has
 * no faults of its own: the conformance wiring puts the fault proxy in front of it.
 */
export async function startEmulator(): Promise<Emulator> {
  const apiKey = 'emulator-api-key';
  let counter = 0;
  const id = (prefix: string) => `${prefix}_${(++counter).toString(36).padStart(6, '0')}`;
  const organizations = new Map<string, { id: string; name: string; display_name?: string }>();
  const users = new Map<string, { id: string; email: string; name?: string }>();
  const members = new Map<string, Map<string, 'member' | 'admin'>>();
  const page = <T extends { id: string }>(items: T[], request: SimRequest): SimResponse => {
    const limit = Math.min(Number(request.query.get('limit') ?? PAGE_LIMIT) || PAGE_LIMIT, PAGE_LIMIT);
    const after = request.query.get('after');
    const start = after ? items.findIndex((item) => item.id === after) + 1 : 0;
    const data = items.slice(start, start + limit);
    const more = start + limit < items.length;
    return { status: 200, body: { data, list_metadata: { after: more ? (data.at(-1)?.id ?? null) : null } } };
  };
  const body = (request: SimRequest) => (request.body ?? {}) as Record<string, string | undefined>;
  const membersOf = (request: SimRequest) => members.get(request.params.organizationId ?? '');
  const server = await startSimServer({
    faults: new Faults(),
    stats: new RequestStats(),
    dropField: (answer) => answer,
    notFound: () => error(404, 'Not found'),
    invalidBody: () => error(400, 'Invalid JSON'),
    faultResponse: (_kind, status) => error(status, 'fault'),
    before: (request) =>
      request.headers.authorization === `Bearer ${apiKey}` ? undefined : error(401, 'Invalid API key'),
    routes: [
      {
        method: 'GET',
        path: '/v1/organizations',
        handler: (request) => page([...organizations.values()], request),
      },
      {
        method: 'POST',
        path: '/v1/organizations',
        handler(request) {
          const { name, display_name } = body(request);
          const organization = { id: id('org'), name: name ?? '', ...(display_name ? { display_name } : {}) };
          organizations.set(organization.id, organization);
          members.set(organization.id, new Map());
          return { status: 201, body: organization };
        },
      },
      {
        method: 'GET',
        path: '/v1/organizations/:organizationId',
        handler: (request) => {
          const organization = organizations.get(request.params.organizationId ?? '');
          return organization ? { status: 200, body: organization } : error(404, 'No such organization');
        },
      },
      {
        method: 'DELETE',
        path: '/v1/organizations/:organizationId',
        handler(request) {
          organizations.delete(request.params.organizationId ?? '');
          members.delete(request.params.organizationId ?? '');
          return { status: 204 };
        },
      },
      {
        method: 'POST',
        path: '/v1/users',
        handler(request) {
          const { email, name } = body(request);
          const user = { id: id('user'), email: email ?? '', ...(name ? { name } : {}) };
          users.set(user.id, user);
          return { status: 201, body: user };
        },
      },
      {
        method: 'DELETE',
        path: '/v1/users/:userId',
        handler(request) {
          users.delete(request.params.userId ?? '');
          return { status: 204 };
        },
      },
      {
        method: 'GET',
        path: '/v1/organizations/:organizationId/members',
        handler(request) {
          const held = membersOf(request);
          if (!held) return error(404, 'No such organization');
          const rows = [...held].map(([userId, role]) => ({ id: userId, user: users.get(userId), role }));
          return page(rows, request);
        },
      },
      {
        method: 'PUT',
        path: '/v1/organizations/:organizationId/members/:userId',
        handler(request) {
          const held = membersOf(request);
          const userId = request.params.userId ?? '';
          if (!held) return error(404, 'No such organization');
          if (!users.has(userId)) return error(404, 'No such user');
          const role = body(request).role;
          if (role === 'admin' || role === 'member') held.set(userId, role);
          else if (!held.has(userId)) held.set(userId, 'member');
          return { status: 204 };
        },
      },
      {
        method: 'DELETE',
        path: '/v1/organizations/:organizationId/members/:userId',
        handler(request) {
          const held = membersOf(request);
          if (!held) return error(404, 'No such organization');
          held.delete(request.params.userId ?? '');
          return { status: 204 };
        },
      },
    ],
  });
  return { url: server.url, apiKey, close: server.close };
}
