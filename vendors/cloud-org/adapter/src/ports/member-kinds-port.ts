import { type MemberKindPort, path } from '@orgport/core/driver';
import type { CloudOrgContext } from '../cloud-org-context.js';

/**
 * Admins or billing managers: granted and revoked with the role flags of "Update Member
 * Permissions". The lists are the facade's emulation over the member list, whose v2
 * response carries the kinds.
 */
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
    grant: async (organizationId, userId, { signal }) => {
      await write(organizationId, userId, true, signal);
    },
    revoke: async (organizationId, userId, { signal }) => {
      await write(organizationId, userId, false, signal);
    },
  };
}
