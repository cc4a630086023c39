import type { Member } from '@orgport/core';
import { type MemberKindPort, path } from '@orgport/core/driver';
import type { Auth0Context } from '../auth0-context.js';
import { fetchMemberPage } from './members-port.js';

/**
 * Admins or billing managers on Auth0, mapped from configured role names: the list walks
 * member pages (roles inline) and keeps the holders, fetching on past pages that hold none
 * so that an empty page never ends the walk early; grant and revoke assign the roles.
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
    async list(organizationId, { cursor, pageSize, signal }) {
      let next = cursor;
      for (;;) {
        const page = await fetchMemberPage(context, organizationId, next, pageSize, signal);
        const holders: Member[] = page.items.filter((member) => member.kinds.includes(kind));
        if (holders.length > 0 || page.items.length === 0 || page.next === undefined) {
          return page.items.length === 0 ? { items: [] } : { items: holders, next: page.next };
        }
        next = page.next;
      }
    },
    grant: (organizationId, userId, { signal }) => writeRoles('POST', organizationId, userId, signal),
    revoke: (organizationId, userId, { signal }) => writeRoles('DELETE', organizationId, userId, signal),
  };
}
