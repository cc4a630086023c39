import { randomBytes } from 'node:crypto';
import type { ClerkBackdoor } from '@orgport/simulator-clerk';
import { createEmulator } from 'emulate';

/** The community emulator's per-key quota: 5,000 requests an hour, then 403. */
export const EMULATOR_QUOTA = 5000;

/** A running `emulate` Clerk service on 127.0.0.1 with keys for the adapter and for seeding. */
export interface ClerkEmulator {
  /** `http://127.0.0.1:<port>`: the `apiUrl`. */
  readonly url: string;
  /** The adapter's secret key. */
  readonly secretKey: string;
  /** Keys nobody has used, for tests that spend a key's quota. */
  readonly spareKeys: string[];
  /** A back door through the emulator's own API, with seeding keys of its own. */
  readonly backdoor: ClerkBackdoor;
  /** Requests sent with the adapter's key (counted by a wrapper of the adapter's dispatcher). */
  adapterRequests: number;
  /** Sends one request with a key; the answer's JSON (or text) and status. */
  call(
    key: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown; headers: Headers }>;
  close(): Promise<void>;
}

const key = () => `sk_test_${randomBytes(12).toString('hex')}`;

/**
 * Starts `emulate@0.12.2`'s Clerk service bound to 127.0.0.1 on a free port. Seeding goes
 * through its API with keys of their own, rotated before each reaches the emulator's
 * 5,000-requests-an-hour quota, so the adapter's key keeps its whole quota.
 */
export async function startClerkEmulator(spare = 0): Promise<ClerkEmulator> {
  const secretKey = key();
  const seedKeys = Array.from({ length: 8 }, key);
  const spareKeys = Array.from({ length: spare }, key);
  const tokens = Object.fromEntries(
    [secretKey, ...seedKeys, ...spareKeys].map((token, index) => [token, { login: `key-${index}` }]),
  );
  const emulator = await createEmulator({
    service: 'clerk',
    port: 0,
    hostname: '127.0.0.1',
    seed: { tokens },
  });
  const url = `http://127.0.0.1:${new URL(emulator.url).port}`;
  let seedCalls = 0;
  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: response.status, body: parsed, headers: response.headers };
  };
  const seed = async (method: string, path: string, body?: unknown) => {
    const token = seedKeys[Math.floor(seedCalls++ / (EMULATOR_QUOTA - 100)) % seedKeys.length] as string;
    const answer = await call(token, method, path, body);
    if (answer.status >= 300 && !(method === 'DELETE' && answer.status === 404))
      throw new Error(
        `emulator seeding ${method} ${path} failed with ${answer.status}: ${JSON.stringify(answer.body)}`,
      );
    return answer.body as Record<string, unknown>;
  };
  const state: ClerkEmulator = {
    url,
    secretKey,
    spareKeys,
    adapterRequests: 0,
    call,
    backdoor: {
      createOrganization: async ({ name, slug }) => ({
        id: String((await seed('POST', '/organizations', { name, slug })).id),
      }),
      createUser: async ({ email, firstName, lastName }) => ({
        id: String(
          (
            await seed('POST', '/users', {
              email_address: [email],
              first_name: firstName,
              last_name: lastName,
            })
          ).id,
        ),
      }),
      async createMembership(organizationId, userId, role) {
        await seed('POST', `/organizations/${organizationId}/memberships`, { user_id: userId, role });
      },
      // The emulator keeps no roles and accepts any role key on memberships and invitations.
      async createRole() {},
      async organization(id) {
        const answer = await call(seedKeys[0] as string, 'GET', `/organizations/${id}`);
        if (answer.status === 404) return undefined;
        const org = answer.body as { id: string; name: string; slug: string };
        return { id: org.id, name: org.name, slug: org.slug };
      },
      async membershipRole(organizationId, userId) {
        for (let offset = 0; ; offset += 500) {
          const page = (await seed(
            'GET',
            `/organizations/${organizationId}/memberships?limit=500&offset=${offset}`,
          )) as {
            data: { role: string; public_user_data?: { user_id: string } }[];
          };
          const found = page.data.find((m) => m.public_user_data?.user_id === userId);
          if (found) return found.role;
          if (page.data.length < 500) return undefined;
        }
      },
      async deleteOrganization(id) {
        await seed('DELETE', `/organizations/${id}`);
      },
      async deleteUser(id) {
        await seed('DELETE', `/users/${id}`);
      },
      requests: () => state.adapterRequests,
    },
    close: () => emulator.close(),
  };
  return state;
}
