import { OrgPortError } from '../errors/orgport-error.js';
import type { VendorSimulator } from './vendor-definition.js';

/**
 * Loads a vendor's simulator from its optional package, failing with `unsupported` and the
 * package to install when it is absent. For a {@link VendorDefinition}'s `loadSimulator`.
 *
 * @example
 * ```ts
 * loadSimulator: () => loadOptionalSimulator(async () => (await import('@acme/simulator')).acmeSimulator, '@acme/simulator'),
 * ```
 */
export async function loadOptionalSimulator(
  load: () => Promise<VendorSimulator>,
  packageName: string,
): Promise<VendorSimulator> {
  try {
    return await load();
  } catch (error) {
    throw new OrgPortError('unsupported', `the simulator needs the package ${packageName}; install it`, {
      cause: error,
    });
  }
}
