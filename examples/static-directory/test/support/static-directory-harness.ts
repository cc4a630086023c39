import type { ConformanceHarness, HarnessContext } from '@orgport/testkit';
import type { DirectoryDocument } from '../../src/directory-document.js';
import { createStaticDirectoryAdapter } from '../../src/static-directory-adapter.js';

/** The example's harness: a fresh document per test, seeded behind the adapter's back. */
export function staticDirectoryHarness({ prefix }: HarnessContext): ConformanceHarness {
  {
    // A fresh document per test: the seeder writes into it behind the adapter's back.
    const document: DirectoryDocument = { organizations: [], users: [], memberships: [] };
    let counter = 0;
    const nextId = (kind: string) => `${prefix}${kind}_${++counter}`;
    const roleOf = { member: 'member', admin: 'admin', billing_manager: 'billing' } as const;
    return {
      adapter: createStaticDirectoryAdapter(document, 20),
      // It reads a document and sends no requests: the suite counts calls into its ports.
      requestCount: 'in-process',
      seed: {
        async organization({ name, displayName }) {
          const org = { id: nextId('org'), name, ...(displayName ? { display_name: displayName } : {}) };
          document.organizations.push(org);
          return { id: org.id, name, ...(displayName ? { displayName } : {}) };
        },
        async user({ email, name }) {
          const user = { id: nextId('user'), email, ...(name ? { name } : {}) };
          document.users.push(user);
          return user;
        },
        async member(organizationId, userId, spec = {}) {
          document.memberships.push({
            org_id: organizationId,
            user_id: userId,
            roles: (spec.kinds ?? ['member']).map((k) => roleOf[k]),
          });
        },
        async members(organizationId, count, { emailPrefix }) {
          const users = [];
          for (let n = 0; n < count; n++) {
            const user = { id: nextId('user'), email: `${emailPrefix}-${n}@example.com` };
            document.users.push(user);
            document.memberships.push({ org_id: organizationId, user_id: user.id, roles: ['member'] });
            users.push(user);
          }
          return users;
        },
      },
      close: async () => undefined,
    };
  }
}
