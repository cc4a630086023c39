import type { InputRules } from '@orgport/core/driver';

const CLERK_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why Clerk refuses an organization name (its slug), or undefined. */
function slugProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || CLERK_SLUG.test(name)) return undefined;
  return `input.name: a Clerk organization's unique name is its slug: lowercase letters, digits and single "-" between them (got "${name}")`;
}

/**
 * The Clerk slug for a wanted organization name: lower case, accents dropped, every run
 * of other characters a single `-` ("Fundamental Architecture" → `fundamental-architecture`).
 * The original belongs in the organization's `name` (orgport's `displayName`).
 */
export function clerkOrganizationSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'organization' : slug;
}

/** Clerk's own input rules: an organization's unique name is a slug. */
export const CLERK_INPUT_RULES: InputRules = {
  check(operation, args) {
    if (operation === 'organizations.create') return slugProblem((args[0] as { name?: unknown }).name);
    if (operation === 'organizations.update') return slugProblem((args[1] as { name?: unknown }).name);
    return undefined;
  },
  organizationName: clerkOrganizationSlug,
};
