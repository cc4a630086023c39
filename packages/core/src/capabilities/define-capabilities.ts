import { z } from 'zod';
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
};

const GradedSchema = z
  .object({
    pagination: z.enum(['checkpoint', 'offset', 'none']),
    rolesPerMember: z.enum(['none', 'many', 'one-per-product']),
    grantScopes: z.enum(['none', 'organization', 'product', 'organization+product']),
    memberKinds: z.enum(['none', 'native', 'mapped']),
    consistency: z.enum(['strong', 'eventual']),
    grantsOfAdmins: z.enum(['explicit', 'implicit']),
    invitationGrants: z.enum(['none', 'one', 'many']),
  })
  .partial();

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
  const graded = GradedSchema.safeParse(partial);
  if (!graded.success) {
    const issue = graded.error.issues[0];
    throw new OrgPortError(
      'invalid_argument',
      `Invalid capability ${String(issue?.path[0])}: ${issue?.message ?? 'invalid value'}`,
    );
  }
  const manifest: Record<string, unknown> = { ...GRADED_DEFAULTS };
  for (const operation of OPERATIONS) {
    const value = partial[operation];
    if (value !== undefined && typeof value !== 'boolean') {
      throw new OrgPortError('invalid_argument', `Capability ${operation} must be a boolean`);
    }
    manifest[operation] = value ?? false;
  }
  Object.assign(manifest, graded.data);
  return Object.freeze(manifest) as Capabilities;
}
