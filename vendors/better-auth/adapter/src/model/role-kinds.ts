import { KIND_BIT } from '@orgport/core/driver';

/** Role names by what they mean to orgport: kinds, the base role, and the rest (grants). */
export interface RoleClasses {
  /** Roles that make an admin; the first is written by a grant. */
  readonly admin: readonly string[];
  /** Roles that make a billing manager; the first is written by a grant. */
  readonly billingManager: readonly string[];
  /** Better Auth's baseline role (`member`): kept as it is, written when no other role is left. */
  readonly base: string;
  /** The creator role (`owner` unless the app changed it): a sole holder stays. */
  readonly creator: string;
}

/** Splits a stored role value (`"admin, viewer"`) the way the plugin does: trimmed, no empties. */
export function parseRoleList(role: string | null | undefined): string[] {
  if (!role) return [];
  return role
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/** What a member's roles say: kind bits (member always) and the roles that are grants. */
export function classifyRoles(
  roles: readonly string[],
  classes: RoleClasses,
): { bits: number; grants: string[] } {
  let bits = KIND_BIT.member;
  const grants: string[] = [];
  for (const role of roles) {
    if (classes.admin.includes(role)) bits |= KIND_BIT.admin;
    else if (classes.billingManager.includes(role)) bits |= KIND_BIT.billing_manager;
    else if (role !== classes.base && !grants.includes(role)) grants.push(role);
  }
  return { bits, grants };
}

/** Whether a role is a kind role or the base role (never a permission group). */
export function isReservedRole(role: string, classes: RoleClasses): boolean {
  return classes.admin.includes(role) || classes.billingManager.includes(role) || role === classes.base;
}

/**
 * The role value to store: the roles kept in their order, with the base role added when
 * nothing else is left (Better Auth refuses an empty role).
 */
export function joinRoles(roles: readonly string[], classes: RoleClasses): string {
  const unique = [...new Set(roles)];
  return (unique.length > 0 ? unique : [classes.base]).join(',');
}
