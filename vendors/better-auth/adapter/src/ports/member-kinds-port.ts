import { OrgPortError, throwIfAborted } from '@orgport/core';
import type { MemberKindPort } from '@orgport/core/driver';
import type { BetterAuthContext } from '../better-auth-context.js';
import { joinRoles, parseRoleList } from '../model/role-kinds.js';
import { keepAnOwner } from './members-port.js';
import { requireMember, unknownRoles } from './role-catalog.js';

/**
 * Admins or billing managers, mapped from roles: a grant adds the kind's first role to the
 * member's role list (nothing when they hold one already), a revoke removes every role of
 * the kind, keeping the sole owner. The lists are the facade's emulation over the member
 * list. Written through the data layer's `updateMember`.
 */
export function betterAuthMemberKindPort(
  context: BetterAuthContext,
  kind: 'admin' | 'billing_manager',
): MemberKindPort {
  const rolesOf = (classes: { admin: readonly string[]; billingManager: readonly string[] }) =>
    kind === 'admin' ? classes.admin : classes.billingManager;
  return {
    grant: (organizationId, userId, { signal }) =>
      context.run(signal, async (auth) => {
        const names = rolesOf(auth.classes);
        const member = await requireMember(auth, organizationId, userId);
        const held = parseRoleList(member.role);
        if (held.some((role) => names.includes(role))) return;
        const role = names[0];
        if (!role || (await unknownRoles(auth, organizationId, [role])).length > 0)
          throw new OrgPortError(
            'failed_precondition',
            `the app defines no ${kind === 'admin' ? 'admin' : 'billing manager'} role${role ? ` named ${role}` : ''}: add it to organization({ roles }) or set roleKinds.${kind === 'admin' ? 'admin' : 'billingManager'}`,
            { vendor: context.vendor },
          );
        // A plain member (`member` alone) becomes `admin` alone, as Better Auth stores its
        // admins; any other roles stay beside the new one.
        throwIfAborted(signal, context.vendor);
        const others = held.length === 1 && held[0] === auth.classes.base ? [] : held;
        await auth.org.updateMember(member.id, joinRoles([...others, role], auth.classes));
      }),
    revoke: (organizationId, userId, { signal }) =>
      context.run(signal, async (auth) => {
        const names = rolesOf(auth.classes);
        const member = await requireMember(auth, organizationId, userId);
        const held = parseRoleList(member.role);
        const kept = held.filter((role) => !names.includes(role));
        if (kept.length === held.length) return;
        if (kind === 'admin') await keepAnOwner(auth, member, 'demote');
        throwIfAborted(signal, context.vendor);
        await auth.org.updateMember(member.id, joinRoles(kept, auth.classes));
      }),
  };
}
