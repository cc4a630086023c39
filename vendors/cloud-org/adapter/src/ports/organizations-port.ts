import type { Organization } from '@orgport/core';
import type { OrganizationPort } from '@orgport/core/driver';
import { type CloudOrgContext, fetchOrganizations } from '../cloud-org-context.js';

/**
 * Organizations: one unpaginated list (the vendor's one name is both `name` and `displayName`); the API has no single-organization read,
 * so `get` and `getByName` are the facade's emulation over the list. Creating, renaming and deleting are not in the API.
 */
export function cloudOrgOrganizationsPort(context: CloudOrgContext): OrganizationPort {
  const all = async (signal?: AbortSignal): Promise<Organization[]> =>
    (await fetchOrganizations(context, signal)).map((org) => ({
      id: org.organizationId,
      name: org.name,
      displayName: org.name,
    }));
  return {
    list: async ({ signal }) => ({ items: await all(signal) }),
  };
}
