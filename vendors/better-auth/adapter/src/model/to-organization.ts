import type { Metadata, Organization } from '@orgport/core';
import type { OrganizationRow } from './better-auth-rows.js';

/**
 * Better Auth keeps metadata as a JSON string in the database (`getOrganization` returns the
 * string, create and update return the object): either way, string and null values map
 * as they are and any other value as its JSON text.
 */
export function toMetadata(stored: unknown): Metadata | undefined {
  let value = stored;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([key, item]): [string, string | null] => [
      key,
      item === null || typeof item === 'string' ? item : JSON.stringify(item),
    ],
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** An organization row → the neutral organization: the unique slug is the name, the name the display name. */
export function toOrganization(row: OrganizationRow): Organization {
  const metadata = toMetadata(row.metadata);
  return {
    id: row.id,
    name: row.slug,
    displayName: row.name,
    ...(metadata ? { metadata } : {}),
    ...(row.logo ? { branding: { logoUrl: row.logo } } : {}),
  };
}
