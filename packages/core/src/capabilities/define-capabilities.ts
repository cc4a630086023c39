import { OrgPortError } from '../errors/orgport-error.js';
import type { Capabilities, GradedCapabilities } from './capabilities.js';
import { GRADED_CAPABILITIES, GRADED_CAPABILITY_NAMES } from './graded-capabilities.js';
import { OPERATIONS, type Operation } from './operations.js';

const GRADED_DEFAULTS = Object.fromEntries(
  GRADED_CAPABILITY_NAMES.map((name) => [name, GRADED_CAPABILITIES[name].default]),
) as unknown as GradedCapabilities;

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
  for (const name of GRADED_CAPABILITY_NAMES) {
    const allowed: readonly string[] = GRADED_CAPABILITIES[name].values;
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
  for (const name of GRADED_CAPABILITY_NAMES) {
    const value = (partial as Record<string, unknown>)[name];
    if (value !== undefined) manifest[name] = value;
  }
  return Object.freeze(manifest) as Capabilities;
}
