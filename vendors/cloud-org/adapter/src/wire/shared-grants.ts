import type { PermissionGrant } from '@orgport/core';
import type { z } from 'zod';
import type { WireOrganizationMembers } from './cloud-org-wire-schemas.js';

type WireMember = NonNullable<z.infer<typeof WireOrganizationMembers>['members']>[number];

/** One wire permission of a member (a product and a permission group). */
export type WirePermission = NonNullable<WireMember['permissions']>[number];

/**
 * A node of the grant-list trie: the list of the path to it, and the longer paths. Edges
 * are matched by comparing the permission with the edge's grant field by field (no
 * hashing of the fresh id strings of every permission); a node with many edges also
 * indexes them by product id, so no walk turns quadratic.
 */
interface ListNode {
  list: readonly PermissionGrant[] | undefined;
  readonly edges: PermissionGrant[];
  readonly groupIds: number[];
  readonly children: ListNode[];
  byProduct: Map<string, number[]> | undefined;
}

/** Edges a node scans one by one before it indexes them by product id. */
const SCANNED_EDGES = 16;

const newNode = (): ListNode => ({
  list: undefined,
  edges: [],
  groupIds: [],
  children: [],
  byProduct: undefined,
});

/** Whether the permission is the one the grant was made from (ids and names alike). */
function matches(grant: PermissionGrant, groupId: number, permission: WirePermission): boolean {
  const { scope } = grant;
  return (
    groupId === permission.permissionGroup.permissionGroupId &&
    scope.type === 'product' &&
    scope.productId === permission.product.productId &&
    scope.productName === permission.product.name &&
    grant.group.name === permission.permissionGroup.name
  );
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
  private readonly lists: ListNode = newNode();

  /** The grants of a member's permissions, in their order: a shared frozen list. */
  listOf(permissions: readonly WirePermission[]): readonly PermissionGrant[] {
    let node = this.lists;
    for (const permission of permissions) node = this.child(node, permission);
    if (!node.list) node.list = Object.freeze(permissions.map((permission) => this.grantOf(permission)));
    return node.list;
  }

  /** The node one permission further down, created on first sight. */
  private child(node: ListNode, permission: WirePermission): ListNode {
    const { edges, groupIds } = node;
    if (node.byProduct) {
      for (const at of node.byProduct.get(permission.product.productId) ?? [])
        if (matches(edges[at] as PermissionGrant, groupIds[at] as number, permission))
          return node.children[at] as ListNode;
    } else {
      for (let at = 0; at < edges.length; at++)
        if (matches(edges[at] as PermissionGrant, groupIds[at] as number, permission))
          return node.children[at] as ListNode;
    }
    const child = newNode();
    const at = edges.push(this.grantOf(permission)) - 1;
    groupIds.push(permission.permissionGroup.permissionGroupId);
    node.children.push(child);
    if (!node.byProduct && edges.length > SCANNED_EDGES) {
      node.byProduct = new Map();
      for (let edge = 0; edge < edges.length; edge++) this.indexEdge(node, edge);
    } else if (node.byProduct) this.indexEdge(node, at);
    return child;
  }

  private indexEdge(node: ListNode, at: number): void {
    const grant = node.edges[at] as PermissionGrant;
    const productId = grant.scope.type === 'product' ? grant.scope.productId : '';
    const positions = node.byProduct?.get(productId);
    if (positions) positions.push(at);
    else node.byProduct?.set(productId, [at]);
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
