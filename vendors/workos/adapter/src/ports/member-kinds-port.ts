import type { MemberKindPort } from '@orgport/core/driver';
import { slugsOf } from '../wire/workos-mapping.js';
import { requireMembership, type WorkOSContext, writeRoles } from '../workos-context.js';

/**
 * Admins on WorkOS: members holding an admin role slug. On a single-role environment the
 * admin role replaces the member's role and revoking gives the default role back; with
 * multiple roles it is added to and removed from the others. The list is the facade's
 * emulation over the member list.
 */
export function workosAdminsPort(context: WorkOSContext): MemberKindPort {
  const { adminSlugs, defaultRole } = context.model;
  const adminSlug = [...adminSlugs][0] as string;
  return {
    async grant(organizationId, userId, { signal }) {
      const membership = await requireMembership(context, organizationId, userId, signal);
      const held = slugsOf(membership);
      if (held.some((slug) => adminSlugs.has(slug))) return;
      const next = context.multipleRoles
        ? [...held.filter((slug) => slug !== defaultRole), adminSlug]
        : [adminSlug];
      await writeRoles(context, membership, next, signal);
    },
    async revoke(organizationId, userId, { signal }) {
      const membership = await requireMembership(context, organizationId, userId, signal);
      const held = slugsOf(membership);
      if (!held.some((slug) => adminSlugs.has(slug))) return;
      await writeRoles(
        context,
        membership,
        held.filter((slug) => !adminSlugs.has(slug)),
        signal,
      );
    },
  };
}
