import { OrgPortError } from '../errors/orgport-error.js';
import type { Capabilities, GradedCapabilities } from './capabilities.js';
import { OPERATIONS, type Operation } from './operations.js';

const GRADED_DEFAULTS: GradedCapabilities = {
  pagination: 'none',
  rolesPerMember: 'none',
  grantScopes: 'none',
  memberKinds: 'none',
  consistency: 'strong',
  grantsOfAdmins: 'explicit',
  invitationGrants: 'none',
  kindsPerMember: 'many',
};

// The allowed graded values, checked by hand: this module stays free of zod so that
// reading a manifest (e.g. `orgport capabilities`) loads no schema library.
const GRADED_VALUES: { readonly [K in keyof GradedCapabilities]: readonly GradedCapabilities[K][] } = {
  pagination: ['checkpoint', 'offset', 'none'],
  rolesPerMember: ['none', 'many', 'one', 'one-per-product'],
  grantScopes: ['none', 'organization', 'product', 'organization+product'],
  memberKinds: ['none', 'native', 'mapped'],
  consistency: ['strong', 'eventual'],
  grantsOfAdmins: ['explicit', 'implicit'],
  invitationGrants: ['none', 'one', 'at-most-one', 'many'],
  kindsPerMember: ['many', 'one'],
};

const KNOWN = new Set<string>([...OPERATIONS, ...Object.keys(GRADED_DEFAULTS)]);

/**
 * Builds a frozen capability manifest: every operation not mentioned is `false`, every
 * graded value not mentioned takes its "absent" value. Unknown names are rejected, so a
 * typo cannot silently switch a capability off.
 *
 * @example
 * ```ts
 * const capabilities = defineCapabilities({
 *   'organizations.list': true,
 *   'members.list': true,
 *   pagination: 'checkpoint',
 * });
 * ```
 */
export function defineCapabilities(
  partial: Partial<Record<Operation, boolean>> & Partial<GradedCapabilities>,
): Capabilities {
  const unknown = Object.keys(partial).filter((key) => !KNOWN.has(key));
  if (unknown.length > 0) {
    throw new OrgPortError(
      'invalid_argument',
      `Unknown capabilities: ${unknown.join(', ')}. Known: ${[...KNOWN].join(', ')}`,
    );
  }
  for (const [name, allowed] of Object.entries(GRADED_VALUES) as [string, readonly string[]][]) {
    const value = (partial as Record<string, unknown>)[name];
    if (value !== undefined && !allowed.includes(value as string)) {
      throw new OrgPortError(
        'invalid_argument',
        `Invalid capability ${name}: expected one of ${allowed.map((v) => `"${v}"`).join('|')}`,
      );
    }
  }
  const manifest: Record<string, unknown> = { ...GRADED_DEFAULTS };
  for (const operation of OPERATIONS) {
    const value = partial[operation];
    if (value !== undefined && typeof value !== 'boolean') {
      throw new OrgPortError('invalid_argument', `Capability ${operation} must be a boolean`);
    }
    manifest[operation] = value ?? false;
  }
  for (const name of Object.keys(GRADED_VALUES)) {
    const value = (partial as Record<string, unknown>)[name];
    if (value !== undefined) manifest[name] = value;
  }
  return Object.freeze(manifest) as Capabilities;
}
