import type { Directory, Organization } from '@orgport/core';
import { OrgPortError } from '@orgport/core/errors';

/**
 * The organization an argument names: by id first, then by name (as `orgs get` has always
 * accepted), so `members list acme` works as well as `members list org_abc123`.
 */
export async function findOrganization(directory: Directory, idOrName: string): Promise<Organization> {
  try {
    return await directory.organizations.get(idOrName);
  } catch (error) {
    if (!OrgPortError.is(error, 'not_found') && !OrgPortError.is(error, 'invalid_argument')) throw error;
    return directory.organizations.getByName(idOrName);
  }
}
