import { type GrantInput, OrgPortError, type PermissionGroup } from '@orgport/core';
import { type PermissionPort, path } from '@orgport/core/driver';
import {
  type CloudOrgContext,
  fetchGroups,
  fetchMember,
  fetchProducts,
  groupIdNumber,
} from '../cloud-org-context.js';

/**
 * Product permission groups: one group per product per member. `set` resolves every group
 * against its product first (unknown → `not_found`, two in one product →
 * `invalid_argument`, before any write), then sends one "Update Member Permissions" call
 * that prunes the groups not listed.
 */
export function cloudOrgPermissionsPort(context: CloudOrgContext): PermissionPort {
  const { vendor } = context;
  const toGroup = (
    group: { permissionGroupId: number; name: string },
    productId: string,
    productName?: string,
  ): PermissionGroup => ({
    id: String(group.permissionGroupId),
    name: group.name,
    scope: { type: 'product', productId, ...(productName ? { productName } : {}) },
  });

  /**
   * Whether a group belongs to a product. Known groups are remembered (a migration sets
   * thousands of members into the same few groups); an unknown one is looked up afresh,
   * so groups created meanwhile are found.
   */
  const known = new Map<string, Set<number>>();
  const groupExists = async (productId: string, groupId: number, signal?: AbortSignal): Promise<boolean> => {
    if (known.get(productId)?.has(groupId)) return true;
    const ids = new Set(
      (await fetchGroups(context, productId, signal)).map((group) => group.permissionGroupId),
    );
    known.set(productId, ids);
    return ids.has(groupId);
  };

  /** Checks the grants and returns their group ids. */
  const resolve = async (grants: readonly GrantInput[], signal?: AbortSignal): Promise<number[]> => {
    const byProduct = new Map<string, number>();
    // The facade enforces the manifest: product scopes only, one group per product.
    for (const grant of grants) {
      if (grant.scope.type !== 'product') continue;
      byProduct.set(grant.scope.productId, groupIdNumber(context, grant.groupId, 'grants.groupId'));
    }
    for (const [productId, groupId] of byProduct) {
      if (!(await groupExists(productId, groupId, signal))) {
        throw new OrgPortError('not_found', `No permission group ${groupId} in product ${productId}`, {
          vendor,
        });
      }
    }
    return [...byProduct.values()];
  };

  return {
    async groups(scope, { signal }) {
      if (scope?.type === 'organization') return { items: [] };
      if (scope?.type === 'product') {
        return {
          items: (await fetchGroups(context, scope.productId, signal)).map((group) =>
            toGroup(group, scope.productId, group.product?.name),
          ),
        };
      }
      const items: PermissionGroup[] = [];
      for (const product of await fetchProducts(context, signal)) {
        items.push(
          ...(await fetchGroups(context, product.productId, signal)).map((group) =>
            toGroup(group, product.productId, product.name),
          ),
        );
      }
      return { items };
    },
    async grants(organizationId, userId, { signal }) {
      return (await fetchMember(context, organizationId, userId, signal)).grants;
    },
    async set(organizationId, userId, grants, { signal }) {
      const permissionGroupIds = await resolve(grants, signal);
      await context.http.request({
        method: 'POST',
        path: path`/v1/organizations/${organizationId}/members/${userId}`,
        rateLimitKey: 'POST /v1/organizations/{}/members/{}',
        json: { permissionGroupIds, removeFromPermissionGroupsWhereIdNotSet: true },
        // The request states the whole wanted set: repeating it changes nothing.
        idempotent: true,
        signal,
      });
    },
    async grant(organizationId, userId, grants, { signal }) {
      const permissionGroupIds = await resolve(grants, signal);
      if (permissionGroupIds.length === 0) return;
      // Without the remove flag the update is additive: each listed group replaces the
      // member's group in its product, every other product stays as it is.
      await context.http.request({
        method: 'POST',
        path: path`/v1/organizations/${organizationId}/members/${userId}`,
        rateLimitKey: 'POST /v1/organizations/{}/members/{}',
        json: { permissionGroupIds },
        idempotent: true,
        signal,
      });
    },
    async revoke(organizationId, userId, grants, { signal }) {
      const held = (await fetchMember(context, organizationId, userId, signal)).grants;
      for (const grant of grants) {
        if (grant.scope.type !== 'product') continue;
        const { productId } = grant.scope;
        const holds = held.some(
          (h) =>
            h.scope.type === 'product' && h.scope.productId === productId && h.group.id === grant.groupId,
        );
        if (holds)
          await context.http.request({
            method: 'DELETE',
            path: path`/v1/products/${productId}/members/${userId}`,
            rateLimitKey: 'DELETE /v1/products/{}/members/{}',
            signal,
          });
      }
    },
  };
}
