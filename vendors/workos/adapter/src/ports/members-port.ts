import { type Organization, OrgPortError } from '@orgport/core';
import { type MemberPort, mapConcurrent, path } from '@orgport/core/driver';
import {
  fetchMembershipPage,
  fetchOrganization,
  findMembership,
  toMembers,
  type WorkOSContext,
} from '../workos-context.js';

/**
 * Members are organization memberships of every status (WorkOS lists only active ones
 * unless asked): an inactive or pending one is reported with its `status`. `add` creates a
 * membership with the environment's default role, reactivates an inactive one, and leaves
 * an active or pending one alone; `remove` deletes the membership.
 */
export function workosMembersPort(context: WorkOSContext): MemberPort {
  const { http } = context;
  return {
    async list(organizationId, { cursor, pageSize, signal }) {
      const page = await fetchMembershipPage(
        context,
        { organization_id: organizationId },
        { cursor, pageSize, signal },
      );
      // An unknown organization lists no memberships (the emulator answers an empty 200): check it.
      if (cursor === undefined && page.items.length === 0)
        await fetchOrganization(context, organizationId, signal);
      const items = await toMembers(
        context,
        page.items.filter((m) => m.organization_id === organizationId),
        signal,
      );
      return page.next ? { items, next: page.next } : { items };
    },
    async add(organizationId, userIds, { signal }) {
      await fetchOrganization(context, organizationId, signal);
      await mapConcurrent(
        userIds,
        async (userId) => {
          const existing = await findMembership(context, organizationId, userId, signal);
          if (existing?.status === 'inactive') {
            await http.request({
              method: 'PUT',
              path: path`/user_management/organization_memberships/${existing.id}/reactivate`,
              json: {},
              signal,
            });
          } else if (!existing) {
            // An unknown user is not_found (the emulator would make a membership for anyone).
            await http.request({ method: 'GET', path: path`/user_management/users/${userId}`, signal });
            try {
              await http.request({
                method: 'POST',
                path: '/user_management/organization_memberships',
                json: { organization_id: organizationId, user_id: userId },
                // A repeat finds the membership made (already_exists, below): safe to retry.
                idempotent: true,
                signal,
              });
            } catch (error) {
              // Created meanwhile, or by an attempt whose answer was lost: not an error.
              if (OrgPortError.is(error, 'already_exists')) return;
              if (await findMembership(context, organizationId, userId, signal)) return;
              throw error;
            }
          }
        },
        { concurrency: 4, signal },
      );
    },
    async remove(organizationId, userIds, { signal }) {
      await mapConcurrent(
        userIds,
        async (userId) => {
          const existing = await findMembership(context, organizationId, userId, signal);
          if (!existing) return;
          try {
            await http.request({
              method: 'DELETE',
              path: path`/user_management/organization_memberships/${existing.id}`,
              signal,
            });
          } catch (error) {
            if (!OrgPortError.is(error, 'not_found')) throw error;
          }
        },
        { concurrency: 4, signal },
      );
    },
    async organizationsOf(userId, { cursor, pageSize, signal }) {
      let at = cursor;
      for (;;) {
        const page = await fetchMembershipPage(
          context,
          { user_id: userId },
          { cursor: at, pageSize, signal },
        );
        const memberships = page.items.filter((m) => m.user_id === userId);
        if (at === undefined && page.items.length === 0) {
          // An unknown user is not_found, as elsewhere.
          await http.request({ method: 'GET', path: path`/user_management/users/${userId}`, signal });
        }
        const items: Organization[] = [];
        for (const membership of memberships)
          items.push(await fetchOrganization(context, membership.organization_id, signal));
        // A page is never empty while it has a next cursor.
        if (items.length > 0 || !page.next) return page.next ? { items, next: page.next } : { items };
        at = page.next;
      }
    },
  };
}
