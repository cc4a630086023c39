import { auth0Vendor } from '@orgport/adapter-auth0/vendor';
import { cloudOrgVendor } from '@orgport/adapter-cloud-org/vendor';
import type { VendorDefinition } from '@orgport/core/driver';
import { OrgPortError } from '@orgport/core/errors';

/**
 * Every vendor the CLI knows, by name. Adding a vendor is its folder under `vendors/` and
 * one line here; connections, environment variables, `capabilities` and `sim` follow.
 */
export const VENDORS: ReadonlyMap<string, VendorDefinition<object>> = new Map(
  [auth0Vendor, cloudOrgVendor].map((vendor) => [vendor.name, vendor as VendorDefinition<object>]),
);

/** The definition of a vendor name; `invalid_argument` naming the known ones otherwise. */
export function vendorNamed(name: string): VendorDefinition<object> {
  const vendor = VENDORS.get(name);
  if (!vendor)
    throw new OrgPortError(
      'invalid_argument',
      `unknown vendor "${name}" (known: ${[...VENDORS.keys()].join(', ')})`,
    );
  return vendor;
}
