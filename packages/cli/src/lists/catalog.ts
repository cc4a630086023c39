import type { Directory, PermissionGroup } from '@orgport/core';

/** One role or group a connection offers, as discovery lists it. */
export interface CatalogEntry {
  /** `organization` for an organization role, `product` for a product's permission group. */
  readonly scope: 'organization' | 'product';
  /** The product's name (product groups only). */
  readonly product?: string | undefined;
  /** The role's or group's name, as a mapping names it. */
  readonly name: string;
  /** The vendor's id. */
  readonly id: string;
  readonly description?: string | undefined;
}

const hasOrganizationRoles = (directory: Directory) =>
  directory.supports('permissions.groups') &&
  (directory.capabilities.grantScopes === 'organization' ||
    directory.capabilities.grantScopes === 'organization+product');
const hasProductGroups = (directory: Directory) =>
  directory.supports('permissions.groups') &&
  directory.supports('products.list') &&
  (directory.capabilities.grantScopes === 'product' ||
    directory.capabilities.grantScopes === 'organization+product');

const entry = (group: PermissionGroup, product?: string): CatalogEntry => ({
  scope: group.scope.type,
  ...(product === undefined ? {} : { product }),
  name: group.name,
  id: group.id,
  ...(group.description ? { description: group.description } : {}),
});

/** The organization roles a connection offers (none where it has no organization scope). */
export async function organizationRoles(directory: Directory): Promise<CatalogEntry[]> {
  if (!hasOrganizationRoles(directory)) return [];
  const roles: CatalogEntry[] = [];
  for await (const group of directory.permissions.groups({ type: 'organization' })) roles.push(entry(group));
  return roles;
}

/** The products of one organization with their permission groups (none where the vendor has no products). */
export async function productGroups(directory: Directory, organizationId: string): Promise<CatalogEntry[]> {
  if (!hasProductGroups(directory)) return [];
  const groups: CatalogEntry[] = [];
  for await (const product of directory.products.list(organizationId))
    for await (const group of directory.permissions.groups({
      type: 'product',
      productId: product.id,
      productName: product.name,
    }))
      groups.push(entry(group, product.name));
  return groups;
}

/**
 * Everything a mapping can name on a connection: its organization roles, and the product
 * groups of every organization (by product and group name, each once).
 */
export async function connectionCatalog(directory: Directory): Promise<CatalogEntry[]> {
  const all = await organizationRoles(directory);
  if (!hasProductGroups(directory)) return all;
  const seen = new Set<string>();
  for await (const organization of directory.organizations.list())
    for (const group of await productGroups(directory, organization.id)) {
      const key = JSON.stringify([group.product?.toLowerCase(), group.name.toLowerCase()]);
      if (seen.has(key)) continue;
      seen.add(key);
      all.push(group);
    }
  return all;
}
