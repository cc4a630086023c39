import type { MemberKind, PermissionGrant } from '@orgport/core';

/** Role names (lower-cased) that carry each organization-level kind. */
export interface KindRoleNames {
  readonly admin: ReadonlySet<string>;
  readonly billing_manager: ReadonlySet<string>;
}

/** The kind a role name carries, if any. */
export function kindOfRole(name: string, kinds: KindRoleNames): Exclude<MemberKind, 'member'> | undefined {
  const lower = name.toLowerCase();
  if (kinds.admin.has(lower)) return 'admin';
  if (kinds.billing_manager.has(lower)) return 'billing_manager';
  return undefined;
}

/** The organization scope, one frozen object shared by every organization-scope grant. */
const ORGANIZATION_SCOPE = Object.freeze({ type: 'organization' as const });

/** A role as an organization-scope grant (frozen). */
export function roleGrant(role: { id: string; name: string }): PermissionGrant {
  return Object.freeze({ scope: ORGANIZATION_SCOPE, group: Object.freeze({ id: role.id, name: role.name }) });
}
