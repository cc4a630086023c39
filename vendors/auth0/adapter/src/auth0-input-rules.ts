import type { InputRules } from '@orgport/core/driver';

const AUTH0_NAME = /^[a-z0-9_-]{1,50}$/;

/** Why Auth0 refuses an organization name, or undefined. */
function nameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || AUTH0_NAME.test(name)) return undefined;
  return `input.name: Auth0 organization names are 1–50 lowercase letters, digits, "_" or "-" (got "${name}")`;
}

/**
 * The Auth0 organization name for a wanted one: lower case, accents dropped, every run of
 * other characters a single `-`, at most 50 characters ("Fundamental Architecture" →
 * `fundamental-architecture`). The original belongs in `display_name`.
 */
export function auth0OrganizationName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug === '' ? 'organization' : slug;
}

/** Auth0's own input rules: organization names (reference §7, "Validate"). */
export const AUTH0_INPUT_RULES: InputRules = {
  check(operation, args) {
    if (operation === 'organizations.create') return nameProblem((args[0] as { name?: unknown }).name);
    if (operation === 'organizations.update') return nameProblem((args[1] as { name?: unknown }).name);
    return undefined;
  },
  organizationName: auth0OrganizationName,
};
