import { type Organization, OrgPortError } from '@orgport/core';

/**
 * The organizations a selection names (by id or name), in their order; an entry naming
 * none of them is a mistake, not "nothing to do", and fails with `invalid_argument`.
 * Without a selection, every organization.
 */
export function selectOrganizations<T>(
  items: readonly T[],
  organizationOf: (item: T) => Organization,
  selection: readonly string[] | undefined,
  owner: string,
): T[] {
  if (!selection) return [...items];
  const matches = (organization: Organization, wanted: string) =>
    organization.id === wanted || organization.name === wanted;
  const unknown = selection.filter((wanted) => !items.some((item) => matches(organizationOf(item), wanted)));
  if (unknown.length > 0)
    throw new OrgPortError(
      'invalid_argument',
      `organizations: ${owner} has no organization with id or name ${unknown.map((name) => JSON.stringify(name)).join(', ')}`,
    );
  const wanted = new Set(selection);
  return items.filter((item) => {
    const organization = organizationOf(item);
    return wanted.has(organization.id) || wanted.has(organization.name);
  });
}
