import { OrgPortError, throwIfAborted } from '@orgport/core';
import { type MemberPort, offsetCursor } from '@orgport/core/driver';
import type { BetterAuthContext, ResolvedBetterAuth } from '../better-auth-context.js';
import type { MemberRow, OrganizationRow } from '../model/better-auth-rows.js';
import { parseRoleList } from '../model/role-kinds.js';
import { toMember } from '../model/to-member.js';
import { toOrganization } from '../model/to-organization.js';
import { pageOf } from './offset-page.js';
import { requireOrganization } from './organizations-port.js';

/**
 * Refuses to leave an organization without its creator role (`owner`), as Better Auth's own
 * remove and update calls do: `failed_precondition` when `member` is the last holder.
 */
export async function keepAnOwner(
  auth: ResolvedBetterAuth,
  member: MemberRow,
  action: string,
): Promise<void> {
  const { creator } = auth.classes;
  if (!parseRoleList(member.role).includes(creator)) return;
  const holders = await auth.db.count({
    model: 'member',
    where: [
      { field: 'organizationId', value: member.organizationId },
      { field: 'role', value: creator, operator: 'contains' },
    ],
  });
  // `contains` also matches longer names that hold the creator's (e.g. "co-owner"): count exactly.
  if (holders > 1) {
    const rows = await auth.db.findMany<MemberRow>({
      model: 'member',
      where: [
        { field: 'organizationId', value: member.organizationId },
        { field: 'role', value: creator, operator: 'contains' },
      ],
    });
    if (rows.filter((row) => parseRoleList(row.role).includes(creator)).length > 1) return;
  }
  throw new OrgPortError(
    'failed_precondition',
    `cannot ${action} the only ${creator} of organization ${member.organizationId}: Better Auth keeps one (make another member ${creator} first)`,
    { vendor: 'better-auth' },
  );
}

/**
 * Members: listed a page at a time through the plugin's `listMembers` (limit and offset,
 * ordered by member id: one page of a large organization is quadratic on Better Auth's
 * memory adapter), added through `auth.api.addMember` (the plugin's limits and hooks apply),
 * removed through the data layer's `deleteMember` (Better Auth's remove needs a session;
 * its sole-owner rule is kept here).
 */
export function betterAuthMembersPort(context: BetterAuthContext): MemberPort {
  return {
    list: (organizationId, { cursor, pageSize, signal }) =>
      context.run(signal, async (auth) => {
        const { page, size, offset } = pageOf(cursor, pageSize, context.pageSize);
        const { members, total } = await auth.org.listMembers({
          organizationId,
          limit: size,
          offset,
          sortBy: 'id',
          sortOrder: 'asc',
        });
        if (members.length === 0) await requireOrganization(auth, organizationId);
        return {
          items: members.map((row) => toMember(row, auth.classes)),
          next: offsetCursor.after(page, size, members.length, total),
        };
      }),
    add: (organizationId, userIds, { signal }) =>
      context.run(signal, async (auth) => {
        for (const userId of userIds) {
          if (await auth.org.findMemberByOrgId({ userId, organizationId })) continue;
          throwIfAborted(signal, context.vendor);
          try {
            await auth.addMember({ body: { userId, organizationId, role: auth.classes.base } });
          } catch (error) {
            const code = (error as { body?: { code?: unknown } }).body?.code;
            if (code !== 'USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION') throw error;
          }
        }
      }),
    remove: (organizationId, userIds, { signal }) =>
      context.run(signal, async (auth) => {
        await requireOrganization(auth, organizationId);
        for (const userId of userIds) {
          const member = await auth.org.findMemberByOrgId({ userId, organizationId });
          if (!member) continue;
          await keepAnOwner(auth, member, 'remove');
          throwIfAborted(signal, context.vendor);
          await auth.org.deleteMember({ memberId: member.id, organizationId, userId });
        }
      }),
    organizationsOf: (userId, { cursor, pageSize, signal }) =>
      context.run(signal, async (auth) => {
        if (!(await auth.users.findUserById(userId)))
          throw new OrgPortError('not_found', `No user with id ${userId}`, { vendor: context.vendor });
        const { page, size, offset } = pageOf(cursor, pageSize, context.pageSize);
        const rows = await auth.db.findMany<MemberRow>({
          model: 'member',
          where: [{ field: 'userId', value: userId }],
          limit: size,
          offset,
          sortBy: { field: 'id', direction: 'asc' },
        });
        const ids = rows.map((row) => row.organizationId);
        const organizations =
          ids.length > 0
            ? await auth.db.findMany<OrganizationRow>({
                model: 'organization',
                where: [{ field: 'id', value: ids, operator: 'in' }],
                limit: ids.length,
              })
            : [];
        const byId = new Map(organizations.map((row) => [row.id, row]));
        return {
          items: ids.flatMap((id) => {
            const row = byId.get(id);
            return row ? [toOrganization(row)] : [];
          }),
          next: offsetCursor.after(page, size, rows.length),
        };
      }),
  };
}
