import type { z } from 'zod';
import type { WireOrganizationMembers } from './cloud-org-wire-schemas.js';

// An assert-only check of the members document, in place: it accepts exactly what
// `WireOrganizationMembers` accepts (a property test holds it to that) without copying
// its tens of thousands of permission entries. On any doubt it answers "no", and zod
// names the field.

type Record_ = Readonly<Record<string, unknown>>;
const isRecord = (value: unknown): value is Record_ =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const nullish = (value: unknown): boolean => value === undefined || value === null;
const nullishString = (value: unknown): boolean => nullish(value) || typeof value === 'string';
const isInteger = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value);

function isPerson(value: unknown): value is Record_ {
  return (
    isRecord(value) &&
    typeof value.userId === 'string' &&
    nullishString(value.fullName) &&
    nullishString(value.email) &&
    (nullish(value.twoFactorEnabled) || typeof value.twoFactorEnabled === 'boolean')
  );
}

function isPermission(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const { product, permissionGroup } = value;
  return (
    isRecord(product) &&
    typeof product.productId === 'string' &&
    typeof product.name === 'string' &&
    isRecord(permissionGroup) &&
    isInteger(permissionGroup.permissionGroupId) &&
    typeof permissionGroup.name === 'string'
  );
}

function isPeople(value: unknown, withPermissions: boolean): boolean {
  if (nullish(value)) return true;
  if (!Array.isArray(value)) return false;
  for (const person of value) {
    if (!isPerson(person)) return false;
    if (!withPermissions) continue;
    const permissions = person.permissions;
    if (nullish(permissions)) continue;
    if (!Array.isArray(permissions)) return false;
    for (const permission of permissions) if (!isPermission(permission)) return false;
  }
  return true;
}

/** The members document checked in place, or `undefined` when anything is off. */
export function checkOrganizationMembers(
  value: unknown,
): z.infer<typeof WireOrganizationMembers> | undefined {
  if (!isRecord(value)) return undefined;
  return isPeople(value.admins, false) &&
    isPeople(value.billingManagers, false) &&
    isPeople(value.members, true)
    ? (value as z.infer<typeof WireOrganizationMembers>)
    : undefined;
}
