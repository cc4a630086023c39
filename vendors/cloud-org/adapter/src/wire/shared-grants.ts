import type { PermissionGrant } from '@orgport/core';
import type { z } from 'zod';
import type { WireOrganizationMembers } from './cloud-org-wire-schemas.js';

type WireMember = NonNullable<z.infer<typeof WireOrganizationMembers>['members']>[number];

/** One wire permission of a member (a product and a permission group). */
export type WirePermission = NonNullable<WireMember['permissions']>[number];

/** A node of the grant-list trie: the list of the path to it, and the longer paths. */
interface ListNode {
  list: readonly PermissionGrant[] | undefined;
  readonly next: Map<number, ListNode>;
}

/**
 * Product grants and grant lists shared between the members of one document. A tenant has
 * a few products and groups, and most members hold one of a few sets of them, so one
 * frozen grant per (product, group, names) and one frozen list per distinct sequence of
 * grants serve every member: mapping 5,000 members allocates no grant and few lists,
 * where it allocated three objects per member and permission.
 */
export class SharedGrants {
  private readonly grants: PermissionGrant[] = [];
  private readonly byProduct = new Map<string, Map<number, number>>();
  private readonly lists: ListNode = { list: undefined, next: new Map() };

  /** The grants of a member's permissions, in their order: a shared frozen list. */
  listOf(permissions: readonly WirePermission[]): readonly PermissionGrant[] {
    let node = this.lists;
    for (const permission of permissions) {
      const index = this.indexOf(permission);
      let next = node.next.get(index);
      if (!next) {
        next = { list: undefined, next: new Map() };
        node.next.set(index, next);
      }
      node = next;
    }
    if (!node.list) node.list = Object.freeze(permissions.map((permission) => this.grantOf(permission)));
    return node.list;
  }

  private grantOf(permission: WirePermission): PermissionGrant {
    return this.grants[this.indexOf(permission)] as PermissionGrant;
  }

  /** The number of the permission's shared grant (created on first sight). */
  private indexOf(permission: WirePermission): number {
    const { product, permissionGroup } = permission;
    let groups = this.byProduct.get(product.productId);
    if (!groups) {
      groups = new Map();
      this.byProduct.set(product.productId, groups);
    }
    const known = groups.get(permissionGroup.permissionGroupId);
    if (known !== undefined) {
      const grant = this.grants[known] as PermissionGrant;
      if (
        grant.scope.type === 'product' &&
        grant.scope.productName === product.name &&
        grant.group.name === permissionGroup.name
      )
        return known;
    }
    // First sight, or the same ids under other names (a vendor renaming mid-document): a
    // grant of its own; only the first spelling is remembered by id.
    const index =
      this.grants.push(
        Object.freeze({
          scope: Object.freeze({
            type: 'product' as const,
            productId: product.productId,
            productName: product.name,
          }),
          group: Object.freeze({ id: String(permissionGroup.permissionGroupId), name: permissionGroup.name }),
        }),
      ) - 1;
    if (known === undefined) groups.set(permissionGroup.permissionGroupId, index);
    return index;
  }
}
