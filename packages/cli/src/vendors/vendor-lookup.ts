import type { VendorDefinition } from '@orgport/core/driver';
import { OrgPortError } from '@orgport/core/errors';
import type { VendorPackage } from './vendor-package.js';

/** The vendors the CLI can use, and those listed but not installed. */
export interface VendorLookup {
  /** Every installed vendor's definition, by name. */
  readonly vendors: ReadonlyMap<string, VendorDefinition<object>>;
  /** Vendors listed in the registry whose package is not installed: name → package. */
  readonly missing: ReadonlyMap<string, string>;
  /** The definition of a vendor name; `invalid_argument` naming the known ones, or the package to install. */
  named(name: string): VendorDefinition<object>;
}

/** Whether `error` says the package itself cannot be found (not a module missing inside it). */
const isNotInstalled = (error: unknown, packageName: string): boolean =>
  (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_MODULE_NOT_FOUND' &&
  String((error as Error).message).includes(packageName);

/**
 * Loads every listed vendor's definition. A vendor whose package is not installed is
 * kept aside by name (`named` then says which package to install); any other failure
 * to load is a bug in that vendor and is thrown.
 */
export async function loadVendors(packages: readonly VendorPackage[]): Promise<VendorLookup> {
  const vendors = new Map<string, VendorDefinition<object>>();
  const missing = new Map<string, string>();
  const loaded = await Promise.all(
    packages.map(async (entry) => {
      try {
        return { entry, definition: await entry.load() };
      } catch (error) {
        if (isNotInstalled(error, entry.packageName)) return { entry, definition: undefined };
        throw error;
      }
    }),
  );
  for (const { entry, definition } of loaded) {
    if (definition) vendors.set(definition.name, definition);
    else missing.set(entry.name, entry.packageName);
  }
  return {
    vendors,
    missing,
    named(name) {
      const vendor = vendors.get(name);
      if (vendor) return vendor;
      const packageName = missing.get(name);
      if (packageName !== undefined)
        throw new OrgPortError(
          'failed_precondition',
          `vendor "${name}" is listed but its package ${packageName} is not installed (run pnpm install)`,
        );
      throw new OrgPortError(
        'invalid_argument',
        `unknown vendor "${name}" (known: ${[...vendors.keys()].join(', ')})`,
      );
    },
  };
}
