import type { PermissionGrant, Role } from '@orgport/core';
import { KIND_BIT, NONE } from '@orgport/core/driver';
import type { z } from 'zod';
import { type KindRoleNames, kindOfRole, roleGrant } from './auth0-roles.js';
import type { WireRole } from './auth0-wire-schemas.js';

/** What a member's roles come to: the kinds they carry, the other roles, and their grants. */
export interface MemberRoles {
  /** Kinds the roles carry, as {@link KIND_BIT} bits (the member kind not included). */
  readonly kindBits: number;
  readonly roles: readonly Role[];
  readonly grants: readonly PermissionGrant[];
}

interface Node {
  /** The roles of the path to this node, and the wire roles they were made from. */
  value: { readonly roles: MemberRoles; readonly source: readonly z.infer<typeof WireRole>[] } | undefined;
  readonly next: Map<string, Node>;
}

const NO_ROLES: MemberRoles = Object.freeze({ kindBits: 0, roles: NONE, grants: NONE });

/**
 * Role sets shared between the members of one page: a tenant has a few roles and most
 * members hold one of a few combinations of them, so one frozen {@link MemberRoles} per
 * distinct sequence of roles serves every member that holds it (a trie by role id),
 * instead of four fresh objects per member and role. A role id seen under another name or
 * description gets a set of its own: sharing never changes what a member says.
 */
export class MemberRoleSets {
  private readonly root: Node = { value: undefined, next: new Map() };

  /** Creates the sets for one mapping pass; `kinds` names the kind-carrying roles. */
  constructor(private readonly kinds: KindRoleNames) {}

  /** The shared roles of one member's wire roles. */
  of(wireRoles: readonly z.infer<typeof WireRole>[] | null | undefined): MemberRoles {
    if (!wireRoles || wireRoles.length === 0) return NO_ROLES;
    let node = this.root;
    for (const role of wireRoles) {
      let next = node.next.get(role.id);
      if (!next) {
        next = { value: undefined, next: new Map() };
        node.next.set(role.id, next);
      }
      node = next;
    }
    const known = node.value;
    if (known && sameNames(known.source, wireRoles)) return known.roles;
    const roles = this.build(wireRoles);
    if (!known) node.value = { roles, source: wireRoles };
    return roles;
  }

  private build(wireRoles: readonly z.infer<typeof WireRole>[]): MemberRoles {
    let kindBits = 0;
    const roles: Role[] = [];
    for (const role of wireRoles) {
      const kind = kindOfRole(role.name, this.kinds);
      if (kind) kindBits |= KIND_BIT[kind];
      else
        roles.push(
          Object.freeze(
            role.description
              ? { id: role.id, name: role.name, description: role.description }
              : { id: role.id, name: role.name },
          ),
        );
    }
    if (roles.length === 0) return Object.freeze({ kindBits, roles: NONE, grants: NONE });
    return Object.freeze({
      kindBits,
      roles: Object.freeze(roles),
      grants: Object.freeze(roles.map(roleGrant)),
    });
  }
}

/** Whether two role lists with the same ids also agree on names and descriptions. */
function sameNames(
  known: readonly z.infer<typeof WireRole>[],
  given: readonly z.infer<typeof WireRole>[],
): boolean {
  for (let index = 0; index < given.length; index++) {
    const a = known[index] as z.infer<typeof WireRole>;
    const b = given[index] as z.infer<typeof WireRole>;
    if (a.name !== b.name || (a.description || undefined) !== (b.description || undefined)) return false;
  }
  return true;
}
