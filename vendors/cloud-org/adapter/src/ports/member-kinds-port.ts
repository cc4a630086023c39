import { type MemberKindPort, path } from '@orgport/core/driver';
import { type CloudOrgContext, fetchMembers } from '../cloud-org-context.js';

/** Admins or billing managers: native lists in the v2 response; granted and revoked with the role flags of "Update Member Permissions". */
export function cloudOrgMemberKindPort(
  context: CloudOrgContext,
  kind: 'admin' | 'billing_manager',
): MemberKindPort {
  const flag = kind === 'admin' ? 'isAdmin' : 'isBillingManager';
  const write = (organizationId: string, userId: string, value: boolean, signal?: AbortSignal) =>
    context.http.request({
      method: 'POST',
      path: path`/v1/organizations/${organizationId}/members/${userId}`,
      rateLimitKey: 'POST /v1/organizations/{}/members/{}',
      json: { [flag]: value },
      // Setting a flag to a value is safe to repeat.
      idempotent: true,
      signal,
    });
  return {
    list: async (organizationId, { signal }) => ({
      items: (await fetchMembers(context, organizationId, signal)).filter((member) =>
        member.kinds.includes(kind),
      ),
    }),
    grant: async (organizationId, userId, { signal }) => {
      await write(organizationId, userId, true, signal);
    },
    revoke: async (organizationId, userId, { signal }) => {
      await write(organizationId, userId, false, signal);
    },
  };
}
