import { OrgPortError } from '@orgport/core';
import { type MemberPort, path } from '@orgport/core/driver';
import { assertOrganization, type CloudOrgContext, fetchMembers } from '../cloud-org-context.js';

/**
 * Members: the v2 list fetched once per organization and streamed as one page; removal
 * per user. Adding existing users by id is not in the API (invite them instead).
 */
export function cloudOrgMembersPort(context: CloudOrgContext): MemberPort {
  return {
    list: async (organizationId, { signal }) => ({
      items: await fetchMembers(context, organizationId, signal),
    }),
    async remove(organizationId, userIds, { signal }) {
      for (const userId of userIds) {
        try {
          await context.http.request({
            method: 'DELETE',
            path: path`/v1/organizations/${organizationId}/members/${userId}`,
            rateLimitKey: 'DELETE /v1/organizations/{}/members/{}',
            signal,
          });
        } catch (error) {
          // 404 is both "no such organization" and "not a member"; only the first is an error.
          if (!OrgPortError.is(error, 'not_found')) throw error;
          await assertOrganization(context, organizationId, signal);
        }
      }
    },
  };
}
