import type { MemberKind, User } from '@orgport/core';
import type { ConformanceHarness, HarnessContext, VendorHarnessOptions } from '@orgport/testkit';
import { plainRole } from './better-auth-app.js';
import type { BetterAuthTarget } from './better-auth-target.js';

interface Row {
  readonly id: string;
  readonly [key: string]: unknown;
}

/** Role names a seeded membership holds, as an app stores them. */
function rolesFor(kinds: readonly MemberKind[], groups: readonly string[]): string {
  const roles = [
    ...(kinds.includes('admin') ? ['admin'] : []),
    ...(kinds.includes('billing_manager') ? ['billing_manager'] : []),
    ...groups,
  ];
  return (roles.length > 0 ? roles : ['member']).join(',');
}

/**
 * The conformance harness over a test app: seeds through Better Auth's own database adapter
 * and internal adapter (behind the orgport adapter's back), defines roles the way app code
 * does (a key in organization({ roles })), and reads memberships back from the member table.
 */
export async function betterAuthHarness(
  _context: HarnessContext,
  { target, adapter }: VendorHarnessOptions<BetterAuthTarget>,
): Promise<ConformanceHarness> {
  const { app } = target;
  const ctx = () => app.auth.$context;
  const memberRow = async (organizationId: string, userId: string) =>
    (await ctx()).adapter.findOne<Row & { role: string }>({
      model: 'member',
      where: [
        { field: 'organizationId', value: organizationId },
        { field: 'userId', value: userId },
      ],
    });
  const seedUser = async (email: string, name?: string): Promise<User> => {
    const user = await (await ctx()).internalAdapter.createUser(
      {
        email,
        name: name ?? email,
        emailVerified: false,
      },
      { method: 'admin' },
    );
    return { id: user.id, email: user.email, ...(name ? { name } : {}) };
  };
  const seedMember = async (organizationId: string, userId: string, role: string) => {
    await (await ctx()).adapter.create({
      model: 'member',
      data: { organizationId, userId, role, createdAt: new Date() },
    });
  };
  return {
    adapter,
    requestCount: () => app.probe.calls,
    seed: {
      async organization({ name, displayName }) {
        const row = await (await ctx()).adapter.create<Row & { slug: string; name: string }>({
          model: 'organization',
          data: { name: displayName ?? name, slug: name, createdAt: new Date() },
        });
        return { id: row.id, name: row.slug, displayName: row.name };
      },
      user: ({ email, name }) => seedUser(email, name),
      async member(organizationId, userId, spec) {
        await seedMember(
          organizationId,
          userId,
          rolesFor(
            spec?.kinds ?? ['member'],
            (spec?.grants ?? []).map((grant) => grant.groupId),
          ),
        );
      },
      async members(organizationId, count, { emailPrefix }) {
        const users: User[] = [];
        for (let start = 0; start < count; start += 50) {
          const batch = await Promise.all(
            Array.from({ length: Math.min(50, count - start) }, (_, index) =>
              seedUser(`${emailPrefix}-${start + index}@example.com`),
            ),
          );
          await Promise.all(batch.map((user) => seedMember(organizationId, user.id, 'member')));
          users.push(...batch);
        }
        return users;
      },
      async role({ name }) {
        app.roles[name] = plainRole();
        return { id: name, name, scope: { type: 'organization' } };
      },
    },
    inspect: {
      async organization(organizationId) {
        const row = await (await ctx()).adapter.findOne<Row & { slug: string; name: string }>({
          model: 'organization',
          where: [{ field: 'id', value: organizationId }],
        });
        return row ? { id: row.id, name: row.slug, displayName: row.name } : undefined;
      },
      async membership(organizationId, userId) {
        const row = await memberRow(organizationId, userId);
        if (!row) return undefined;
        const roles = row.role.split(',').map((role) => role.trim());
        const kinds: MemberKind[] = ['member'];
        if (roles.some((role) => role === 'admin' || role === 'owner')) kinds.push('admin');
        if (roles.includes('billing_manager')) kinds.push('billing_manager');
        return {
          kinds,
          groupIds: roles.filter((role) => !['admin', 'owner', 'billing_manager', 'member'].includes(role)),
        };
      },
    },
    close: async () => undefined,
  };
}
