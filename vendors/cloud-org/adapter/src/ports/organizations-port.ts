import { type Organization, OrgPortError } from '@orgport/core';
import type { OrganizationPort } from '@orgport/core/driver';
import { type CloudOrgContext, fetchOrganizations } from '../cloud-org-context.js';

/**
 * Organizations: one unpaginated list (the vendor's one name is both `name` and `displayName`); `get` and `getByName` pick from it (the API has no
 * single-organization read). Creating, renaming and deleting are not in the API.
 */
export function cloudOrgOrganizationsPort(context: CloudOrgContext): OrganizationPort {
  const all = async (signal?: AbortSignal): Promise<Organization[]> =>
    (await fetchOrganizations(context, signal)).map((org) => ({
      id: org.organizationId,
      name: org.name,
      displayName: org.name,
    }));
  const one = async (match: (org: Organization) => boolean, what: string, signal?: AbortSignal) => {
    const found = (await all(signal)).find(match);
    if (!found) throw new OrgPortError('not_found', `No organization ${what}`, { vendor: context.vendor });
    return found;
  };
  return {
    list: async ({ signal }) => ({ items: await all(signal) }),
    get: (organizationId, { signal }) =>
      one((org) => org.id === organizationId, `with id ${organizationId}`, signal),
    getByName: (name, { signal }) => one((org) => org.name === name, `named ${name}`, signal),
  };
}
