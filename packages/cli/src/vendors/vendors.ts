import type { VendorDefinition } from '@orgport/core/driver';
import { loadVendors } from './vendor-lookup.js';
import { VENDOR_PACKAGES } from './vendor-registry.js';

const lookup = await loadVendors(VENDOR_PACKAGES);

/**
 * Every vendor the CLI knows, by name, from the registry generated from `vendors/*`:
 * connections, environment variables, `capabilities` and `sim` follow from each
 * definition.
 */
export const VENDORS: ReadonlyMap<string, VendorDefinition<object>> = lookup.vendors;

/** Vendors the registry lists whose package is not installed: name → package. */
export const MISSING_VENDORS: ReadonlyMap<string, string> = lookup.missing;

/** The definition of a vendor name; `invalid_argument` naming the known ones, or the package to install. */
export const vendorNamed = (name: string): VendorDefinition<object> => lookup.named(name);
