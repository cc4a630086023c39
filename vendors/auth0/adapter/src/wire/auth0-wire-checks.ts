import { isJsonObject, isNullishString } from '@orgport/core/driver';
import type { z } from 'zod';
import type { WireMember, WireRole } from './auth0-wire-schemas.js';

// Assert-only checks of the hot wire shapes, in place: they accept exactly what the zod
// schemas beside them accept (a property test holds them to it), without building a copy
// of every member. On any doubt they answer "no", and the zod schema names the field.

function isRole(value: unknown): value is z.infer<typeof WireRole> {
  return (
    isJsonObject(value) &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    isNullishString(value.description)
  );
}

function isMember(value: unknown): value is z.infer<typeof WireMember> {
  if (!isJsonObject(value) || typeof value.user_id !== 'string') return false;
  if (!isNullishString(value.email) || !isNullishString(value.name) || !isNullishString(value.picture))
    return false;
  const roles = value.roles;
  if (roles === undefined || roles === null) return true;
  if (!Array.isArray(roles)) return false;
  for (const role of roles) if (!isRole(role)) return false;
  return true;
}

/** A normalised list page, as `wireList` gives it. */
export interface WirePage<T> {
  readonly items: T[];
  readonly next: string | undefined;
  readonly total: number | undefined;
}

/**
 * The in-place check of a member list in any of Auth0's three shapes (bare array, offset
 * or checkpoint envelope under `members`), normalised like `wireList('members', WireMember)`;
 * `undefined` when anything is off.
 */
export function checkMemberPage(value: unknown): WirePage<z.infer<typeof WireMember>> | undefined {
  let list: unknown;
  let next: unknown;
  let total: unknown;
  if (Array.isArray(value)) list = value;
  else if (isJsonObject(value)) {
    list = value.members;
    next = value.next;
    total = value.total;
  } else return undefined;
  if (next !== undefined && typeof next !== 'string') return undefined;
  if (total !== undefined && (typeof total !== 'number' || Number.isNaN(total))) return undefined;
  if (list === undefined || list === null) return { items: [], next, total };
  if (!Array.isArray(list)) return undefined;
  for (const member of list) if (!isMember(member)) return undefined;
  return { items: list as z.infer<typeof WireMember>[], next, total };
}
