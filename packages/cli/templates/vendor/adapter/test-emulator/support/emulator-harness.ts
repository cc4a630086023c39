import type { ConformanceHarness, HarnessContext, VendorHarnessOptions } from '@orgport/testkit';
import type { Emulator } from './start-emulator.js';

/**
 * A conformance harness over the vendor's emulator: seeds and inspects through the
 * emulator's own API (straight to it, never through the fault proxy), and on `close()`
 * deletes what it seeded.
 */
export function emulatorHarness(
  _context: HarnessContext,
  options: VendorHarnessOptions<Emulator>,
): ConformanceHarness {
  const { target: emulator, adapter } = options;
  const made = { organizations: new Set<string>(), users: new Set<string>() };
  const call = async (method: string, path: string, body?: object): Promise<unknown> => {
    const answer = await fetch(`${emulator.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${emulator.apiKey}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (answer.status === 404) return undefined;
    if (!answer.ok) throw new Error(`emulator: ${method} ${path} answered ${answer.status}`);
    return answer.status === 204 ? null : answer.json();
  };
  const addUser = async (email: string, name?: string) => {
    const user = (await call('POST', '/v1/users', { email, name })) as {
      id: string;
      email: string;
      name?: string;
    };
    made.users.add(user.id);
    return user;
  };
  const setMember = (organizationId: string, userId: string, role: 'member' | 'admin') =>
    call('PUT', `/v1/organizations/${organizationId}/members/${userId}`, { role });
  return {
    adapter,
    seed: {
      async organization({ name, displayName }) {
        const organization = (await call('POST', '/v1/organizations', {
          name,
          display_name: displayName,
        })) as {
          id: string;
        };
        made.organizations.add(organization.id);
        return { id: organization.id, name, ...(displayName ? { displayName } : {}) };
      },
      user: ({ email, name }) => addUser(email, name),
      async member(organizationId, userId, spec = {}) {
        await setMember(organizationId, userId, spec.kinds?.includes('admin') ? 'admin' : 'member');
      },
      async members(organizationId, count, { emailPrefix }) {
        const users = [];
        for (let n = 0; n < count; n++) {
          const user = await addUser(`${emailPrefix}-${n}@example.com`);
          await setMember(organizationId, user.id, 'member');
          users.push(user);
        }
        return users;
      },
    },
    inspect: {
      async organization(id) {
        const found = (await call('GET', `/v1/organizations/${id}`)) as
          | { id: string; name: string; display_name?: string }
          | undefined;
        return found && { id: found.id, name: found.name, displayName: found.display_name };
      },
      async membership(organizationId, userId) {
        const rows: { user?: { id: string }; role: string }[] = [];
        let after: string | null = null;
        do {
          const query: string = after ? `?after=${after}` : '';
          const page = (await call('GET', `/v1/organizations/${organizationId}/members${query}`)) as
            | { data: { user?: { id: string }; role: string }[]; list_metadata: { after: string | null } }
            | undefined;
          if (!page) return undefined;
          rows.push(...page.data);
          after = page.list_metadata.after;
        } while (after);
        const row = rows.find((entry) => entry.user?.id === userId);
        if (!row) return undefined;
        return { kinds: row.role === 'admin' ? ['member', 'admin'] : ['member'], groupIds: [] };
      },
    },
    async close() {
      for (const id of made.organizations) await call('DELETE', `/v1/organizations/${id}`);
      for (const id of made.users) await call('DELETE', `/v1/users/${id}`);
      await adapter.close?.();
    },
  };
}
