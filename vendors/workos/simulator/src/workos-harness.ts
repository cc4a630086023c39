import type { Adapter, MemberKind } from '@orgport/core';
import type { ConformanceHarness, HarnessContext, InspectedMembership } from '@orgport/testkit';
import type { WorkOSTarget } from './workos-target.js';

/** Options of {@link workosApiHarness}: the shared shape of every vendor's harness. */
export interface WorkOSHarnessOptions {
  /** The running WorkOS-shaped API. */
  readonly target: WorkOSTarget;
  /** The adapter under test, pointed at the target (or at a fault proxy in front of it). */
  readonly adapter: Adapter;
}

/** The role slug that makes an admin, as the adapter is configured by default. */
const ADMIN_ROLE = 'admin';

interface WireMembership {
  id: string;
  role?: { slug: string } | null;
  roles?: { slug: string }[] | null;
  status: string;
}
interface ListBody<T> {
  data: T[];
  list_metadata?: { after?: string | null };
}

/**
 * A conformance harness for the WorkOS adapter over any WorkOS-shaped API: organizations,
 * users, memberships and roles are seeded and inspected through the API itself (as the
 * official emulator offers nothing else), with their own keys, and removed on `close()`.
 * A seeded admin holds the admin role; grants are role slugs (one where the environment
 * holds one role).
 */
export function workosApiHarness(
  _context: HarnessContext,
  options: WorkOSHarnessOptions,
): ConformanceHarness {
  const { target, adapter } = options;
  const api = target.seeder;
  const adminRole = ADMIN_ROLE;
  const made = { organizations: new Set<string>(), users: new Set<string>(), roles: new Set<string>() };

  const membership = async (organizationId: string, userId: string) => {
    const body = await api.json<ListBody<WireMembership & { user_id: string; organization_id: string }>>(
      'GET',
      `/user_management/organization_memberships?organization_id=${encodeURIComponent(organizationId)}&user_id=${encodeURIComponent(userId)}&statuses=active,inactive,pending&limit=100`,
    );
    return body.data.find((m) => m.user_id === userId && m.organization_id === organizationId);
  };
  const createUser = async (email: string, name?: string) => {
    const [first, ...rest] = (name ?? '').split(' ');
    const user = await api.json<{ id: string; email: string }>('POST', '/user_management/users', {
      email,
      ...(first ? { first_name: first } : {}),
      ...(rest.length > 0 ? { last_name: rest.join(' ') } : {}),
    });
    made.users.add(user.id);
    return user;
  };

  return {
    adapter,
    requestCount: target.adapterRequests,
    seed: {
      async organization({ name, displayName }) {
        const org = await api.json<{ id: string }>('POST', '/organizations', {
          name: displayName ?? name,
          external_id: name,
        });
        made.organizations.add(org.id);
        return { id: org.id, name, displayName: displayName ?? name };
      },
      async user({ email, name }) {
        const user = await createUser(email, name);
        return { id: user.id, email: user.email, ...(name ? { name } : {}) };
      },
      async member(organizationId, userId, spec = {}) {
        const slugs = [
          ...(spec.kinds?.includes('admin') ? [adminRole] : []),
          ...(spec.grants ?? []).map((grant) => grant.groupId),
        ];
        await api.request('POST', '/user_management/organization_memberships', {
          organization_id: organizationId,
          user_id: userId,
          ...(slugs.length === 1 ? { role_slug: slugs[0] } : slugs.length > 1 ? { role_slugs: slugs } : {}),
        });
      },
      async members(organizationId, count, { emailPrefix }) {
        if (target.seedMembers) {
          const seeded = target.seedMembers(organizationId, count, emailPrefix);
          for (const user of seeded) made.users.add(user.id);
          return seeded;
        }
        const users: { id: string; email: string }[] = new Array(count);
        let next = 0;
        const worker = async () => {
          for (let n = next++; n < count; n = next++) {
            const user = await createUser(`${emailPrefix}-${n}@example.com`);
            await api.request('POST', '/user_management/organization_memberships', {
              organization_id: organizationId,
              user_id: user.id,
            });
            users[n] = { id: user.id, email: user.email };
          }
        };
        await Promise.all(Array.from({ length: 8 }, worker));
        return users;
      },
      async role({ name }) {
        await api.request('POST', '/authorization/roles', { slug: name, name });
        made.roles.add(name);
        return { id: name, name, scope: { type: 'organization' } };
      },
    },
    inspect: {
      async organization(organizationId) {
        const answer = await api.request(
          'GET',
          `/organizations/${encodeURIComponent(organizationId)}`,
          undefined,
          [404],
        );
        if (answer.status === 404) return undefined;
        const org = answer.body as { id: string; name: string; external_id?: string | null };
        return { id: org.id, name: org.external_id || org.name, displayName: org.name };
      },
      async membership(organizationId, userId): Promise<InspectedMembership | undefined> {
        const found = await membership(organizationId, userId);
        if (!found) return undefined;
        const slugs = found.roles?.length
          ? found.roles.map((r) => r.slug)
          : found.role
            ? [found.role.slug]
            : [];
        const kinds: MemberKind[] = ['member'];
        if (slugs.includes(adminRole)) kinds.push('admin');
        return { kinds, groupIds: slugs.filter((slug) => slug !== adminRole && slug !== 'member') };
      },
    },
    async close() {
      await adapter.close?.();
      for (const id of made.organizations)
        await api.request('DELETE', `/organizations/${id}`, undefined, [404]);
      for (const slug of made.roles)
        await api.request('DELETE', `/authorization/roles/${slug}`, undefined, [404]);
      const users = [...made.users];
      if (target.removeUsers) {
        target.removeUsers(users);
        return;
      }
      await Promise.all(
        Array.from({ length: 8 }, async (_, worker) => {
          for (let at = worker; at < users.length; at += 8)
            await api.request('DELETE', `/user_management/users/${users[at]}`, undefined, [404]);
        }),
      );
    },
  };
}
