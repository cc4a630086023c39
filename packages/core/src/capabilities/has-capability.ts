import type { Capabilities, CapabilityName, GradedCapabilities } from './capabilities.js';

const ABSENT: { readonly [K in keyof GradedCapabilities]: GradedCapabilities[K] | null } = {
  pagination: null,
  rolesPerMember: 'none',
  grantScopes: 'none',
  memberKinds: 'none',
  consistency: null,
  grantsOfAdmins: null,
  invitationGrants: 'none',
  kindsPerMember: null,
};

/**
 * True when the manifest has the capability: an operation that is `true`, or a graded
 * value other than its "absent" one (`pagination`, `consistency`, `grantsOfAdmins` and `kindsPerMember` always count as present).
 */
export function hasCapability(capabilities: Capabilities, name: CapabilityName): boolean {
  if (name in ABSENT) {
    const key = name as keyof GradedCapabilities;
    return capabilities[key] !== ABSENT[key];
  }
  return capabilities[name as Exclude<CapabilityName, keyof GradedCapabilities>] === true;
}
