import { type MemberKindPort, path } from '@orgport/core/driver';
import type { Auth0Context } from '../auth0-context.js';

/**
 * Admins or billing managers on Auth0, mapped from configured role names: grant and revoke
 * assign the roles. Auth0 has no kind filter, so the list is the facade's emulation over
 * the member list (roles inline), which follows every page.
 */
export function auth0MemberKindPort(
  context: Auth0Context,
  kind: 'admin' | 'billing_manager',
): MemberKindPort {
  const names = context.kinds[kind];
  const purpose = kind === 'admin' ? 'the admin kind' : 'the billing manager kind';
  const writeRoles = async (
    method: 'POST' | 'DELETE',
    organizationId: string,
    userId: string,
    signal?: AbortSignal,
  ) => {
    const roles = await context.roles.idsNamed(names, purpose, signal);
    await context.http.request({
      method,
      path: path`/organizations/${organizationId}/members/${userId}/roles`,
      json: { roles },
      idempotent: true,
      signal,
    });
  };
  return {
    grant: (organizationId, userId, { signal }) => writeRoles('POST', organizationId, userId, signal),
    revoke: (organizationId, userId, { signal }) => writeRoles('DELETE', organizationId, userId, signal),
  };
}
