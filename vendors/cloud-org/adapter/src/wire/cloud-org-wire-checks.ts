import { isJsonObject, isNullish, isNullishString } from '@orgport/core/driver';
import type { z } from 'zod';
import type { WireOrganizationMembers } from './cloud-org-wire-schemas.js';

// An assert-only check of the members document, in place: it accepts exactly what
// `WireOrganizationMembers` accepts (a property test holds it to that) without copying
// its tens of thousands of permission entries. On any doubt it answers "no", and zod
// names the field.

const isInteger = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value);

function isPerson(value: unknown): value is Readonly<Record<string, unknown>> {
  return (
    isJsonObject(value) &&
    typeof value.userId === 'string' &&
    isNullishString(value.fullName) &&
    isNullishString(value.email) &&
    (isNullish(value.twoFactorEnabled) || typeof value.twoFactorEnabled === 'boolean')
  );
}

function isPermission(value: unknown): boolean {
  if (!isJsonObject(value)) return false;
  const { product, permissionGroup } = value;
  return (
    isJsonObject(product) &&
    typeof product.productId === 'string' &&
    typeof product.name === 'string' &&
    isJsonObject(permissionGroup) &&
    isInteger(permissionGroup.permissionGroupId) &&
    typeof permissionGroup.name === 'string'
  );
}

function isPeople(value: unknown, withPermissions: boolean): boolean {
  if (isNullish(value)) return true;
  if (!Array.isArray(value)) return false;
  for (const person of value) {
    if (!isPerson(person)) return false;
    if (!withPermissions) continue;
    const permissions = person.permissions;
    if (isNullish(permissions)) continue;
    if (!Array.isArray(permissions)) return false;
    for (const permission of permissions) if (!isPermission(permission)) return false;
  }
  return true;
}

/** The members document checked in place, or `undefined` when anything is off. */
export function checkOrganizationMembers(
  value: unknown,
): z.infer<typeof WireOrganizationMembers> | undefined {
  if (!isJsonObject(value)) return undefined;
  return isPeople(value.admins, false) &&
    isPeople(value.billingManagers, false) &&
    isPeople(value.members, true)
    ? (value as z.infer<typeof WireOrganizationMembers>)
    : undefined;
}
