import type { PermissionGrant } from '@orgport/core';
import type { z } from 'zod';
import type { WireOrganizationMembers } from './cloud-org-wire-schemas.js';

type WireMember = NonNullable<z.infer<typeof WireOrganizationMembers>['members']>[number];

/** One wire permission of a member (a product and a permission group). */
export type WirePermission = NonNullable<WireMember['permissions']>[number];

/**
 * A node of the grant-list trie: the grant of the edge into it, the list of the path to it,
 * and the longer paths. A permission finds its child by comparison with each child's grant
 * field by field (no hashing of the fresh id strings of every permission); a node with
 * many children also indexes them by product id, so no walk turns quadratic. Children are
 * one lazily made array: a leaf costs one small object.
 */
interface ListNode {
  readonly parent: ListNode | undefined;
  readonly grant: PermissionGrant | undefined;
  readonly groupId: number;
  list: readonly PermissionGrant[] | undefined;
  children: ListNode[] | undefined;
  byProduct: Map<string, ListNode[]> | undefined;
}

/** Children a node scans one by one before it indexes them by product id. */
const SCANNED_EDGES = 16;

const newNode = (
  parent: ListNode | undefined,
  grant: PermissionGrant | undefined,
  groupId: number,
): ListNode => ({
  parent,
  grant,
  groupId,
  list: undefined,
  children: undefined,
  byProduct: undefined,
});

const productIdOf = (grant: PermissionGrant | undefined): string =>
  grant?.scope.type === 'product' ? grant.scope.productId : '';

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
 * Product grants and grant lists shared between the members of a document (and between
 * documents, when the adapter keeps one for its lifetime). A tenant has
 * a few products and groups, and most members hold one of a few sets of them, so one
 * frozen grant per (product, group, names) and one frozen list per distinct sequence of
 * grants serve every member: mapping 5,000 members allocates no grant and few lists,
 * where it allocated three objects per member and permission.
 */
export class SharedGrants {
  private byProduct = new Map<string, Map<number, PermissionGrant>>();
  private lists: ListNode = newNode(undefined, undefined, 0);
  private nodes = 0;

  /**
   * Creates the shared values; an adapter keeps one for its lifetime, so a document read
   * again finds its grants and lists already built. Past `maxNodes` trie nodes it starts
   * afresh, so a stream of unlike documents cannot grow it without bound.
   */
  constructor(private readonly maxNodes = 50_000) {}

  /** The grants of a member's permissions, in their order: a shared frozen list. */
  listOf(permissions: readonly WirePermission[]): readonly PermissionGrant[] {
    if (this.nodes > this.maxNodes) {
      this.byProduct = new Map();
      this.lists = newNode(undefined, undefined, 0);
      this.nodes = 0;
    }
    let node = this.lists;
    for (const permission of permissions) node = this.child(node, permission);
    node.list ??= Object.freeze(pathGrants(node));
    return node.list;
  }

  /** The node one permission further down, created on first sight. */
  private child(node: ListNode, permission: WirePermission): ListNode {
    const candidates = node.byProduct ? node.byProduct.get(permission.product.productId) : node.children;
    if (candidates)
      for (const child of candidates)
        if (matches(child.grant as PermissionGrant, child.groupId, permission)) return child;
    const child = newNode(node, this.grantOf(permission), permission.permissionGroup.permissionGroupId);
    this.nodes++;
    node.children ??= [];
    node.children.push(child);
    if (node.byProduct) index(node.byProduct, child);
    else if (node.children.length > SCANNED_EDGES) {
      node.byProduct = new Map();
      for (const known of node.children) index(node.byProduct, known);
    }
    return child;
  }

  /** The permission's shared grant, made on first sight. */
  private grantOf(permission: WirePermission): PermissionGrant {
    const { product, permissionGroup } = permission;
    let groups = this.byProduct.get(product.productId);
    if (!groups) {
      groups = new Map();
      this.byProduct.set(product.productId, groups);
    }
    const known = groups.get(permissionGroup.permissionGroupId);
    if (known && matches(known, permissionGroup.permissionGroupId, permission)) return known;
    // First sight, or the same ids under other names (a vendor renaming mid-document): a
    // grant of its own; only the first spelling is remembered by id.
    const grant: PermissionGrant = Object.freeze({
      scope: Object.freeze({
        type: 'product' as const,
        productId: product.productId,
        productName: product.name,
      }),
      group: Object.freeze({ id: String(permissionGroup.permissionGroupId), name: permissionGroup.name }),
    });
    if (!known) groups.set(permissionGroup.permissionGroupId, grant);
    return grant;
  }
}

/** The grants on the path from the root to `node`, in order. */
function pathGrants(node: ListNode): PermissionGrant[] {
  const grants: PermissionGrant[] = [];
  for (let at: ListNode | undefined = node; at?.grant; at = at.parent) grants.push(at.grant);
  return grants.reverse();
}

/** Adds a child to its node's index by product id. */
function index(byProduct: Map<string, ListNode[]>, child: ListNode): void {
  const productId = productIdOf(child.grant);
  const same = byProduct.get(productId);
  if (same) same.push(child);
  else byProduct.set(productId, [child]);
}
