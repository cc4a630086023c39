import { OrgPortError } from '../errors/orgport-error.js';
import type { Capabilities, CapabilityName } from './capabilities.js';
import { hasCapability } from './has-capability.js';

/**
 * Fails at composition time, with one `unsupported` error that lists **every** missing
 * capability, when the adapter lacks any of `names`.
 *
 * @example
 * ```ts
 * requireCapabilities(adapter, ['members.list', 'admins.list']);
 * ```
 */
export function requireCapabilities(
  adapter: { readonly name: string; readonly capabilities: Capabilities },
  names: readonly CapabilityName[],
): void {
  const missing = names.filter((name) => !hasCapability(adapter.capabilities, name));
  if (missing.length > 0) {
    throw new OrgPortError(
      'unsupported',
      `Adapter "${adapter.name}" does not support: ${missing.join(', ')}`,
      { vendor: adapter.name, meta: { missing } },
    );
  }
}
