import { OrgPortError } from '@orgport/core';
import { type MemberPort, path } from '@orgport/core/driver';
import { type ClerkContext, fetchOffsetPage, fetchOrganization } from '../clerk-context.js';
import { toMember, toOrganization } from '../wire/clerk-mapping.js';
import { WireMemberships, WireUser } from '../wire/clerk-wire-schemas.js';

/**
 * Members: the organization's memberships, offset-paged oldest first; add by `user_id`
 * with the plain member's role (a current member is not an error); remove (a non-member is
 * not an error); a user's organizations from `/users/{id}/organization_memberships`.
 */
export function clerkMembersPort(context: ClerkContext): MemberPort {
  const assertOrganization = (organizationId: string, signal?: AbortSignal) =>
    fetchOrganization(context, organizationId, 'id', signal);
  return {
    async list(organizationId, { cursor, pageSize, signal }) {
      const { body, next } = await fetchOffsetPage(context, {
        path: path`/organizations/${organizationId}/memberships`,
        query: { order_by: '+created_at' },
        schema: WireMemberships,
        cursor,
        pageSize,
        signal,
      });
      return { items: body.data.map((membership) => toMember(membership, context)), next };
    },
    async add(organizationId, userIds, { signal }) {
      for (const userId of userIds) {
        try {
          await context.http.request({
            method: 'POST',
            path: path`/organizations/${organizationId}/memberships`,
            json: { user_id: userId, role: context.memberRole },
            // Sending it twice is harmless: the second answers "already a member", which is success.
            idempotent: true,
            signal,
          });
        } catch (error) {
          // Already a member: the wanted state holds.
          if (!OrgPortError.is(error, 'already_exists')) throw error;
        }
      }
    },
    async remove(organizationId, userIds, { signal }) {
      for (const userId of userIds) {
        try {
          await context.http.request({
            method: 'DELETE',
            path: path`/organizations/${organizationId}/memberships/${userId}`,
            signal,
          });
        } catch (error) {
          // 404 is both "no such organization" and "not a member"; only the first is an error.
          if (!OrgPortError.is(error, 'not_found')) throw error;
          await assertOrganization(organizationId, signal);
        }
      }
    },
    async organizationsOf(userId, { cursor, pageSize, signal }) {
      const { body, next } = await fetchOffsetPage(context, {
        path: path`/users/${userId}/organization_memberships`,
        schema: WireMemberships,
        cursor,
        pageSize,
        signal,
      });
      // An unknown user may answer an empty list: only a user who exists belongs to none.
      if (body.data.length === 0 && cursor === undefined)
        await context.http.request({ method: 'GET', path: path`/users/${userId}`, schema: WireUser, signal });
      return { items: body.data.map((membership) => toOrganization(membership.organization)), next };
    },
  };
}
