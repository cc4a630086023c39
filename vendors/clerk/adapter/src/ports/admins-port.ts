import type { AdminPort } from '@orgport/core/driver';
import { type ClerkContext, requireMembership, setRole } from '../clerk-context.js';

/**
 * Admins: the members holding an admin role. Granted by giving the admin role (the
 * member's other role goes: one role per member); revoked by giving the plain member's
 * role back. The list is the facade's, over the member list, which carries the kind.
 */
export function clerkAdminsPort(context: ClerkContext): AdminPort {
  return {
    async grant(organizationId, userId, { signal }) {
      const membership = await requireMembership(context, organizationId, userId, signal);
      if (!context.adminRoles.has(membership.role))
        await setRole(context, organizationId, userId, context.adminRole, signal);
    },
    async revoke(organizationId, userId, { signal }) {
      const membership = await requireMembership(context, organizationId, userId, signal);
      if (context.adminRoles.has(membership.role))
        await setRole(context, organizationId, userId, context.memberRole, signal);
    },
  };
}
