import { auth0Vendor } from '@orgport/adapter-auth0/vendor';
import { cloudOrgVendor } from '@orgport/adapter-cloud-org/vendor';
import type { VendorDefinition } from '@orgport/core/driver';

/** The vendors this service can be configured for, by name. Add a vendor's definition here. */
export const SERVICE_VENDORS: ReadonlyMap<string, VendorDefinition<object>> = new Map(
  [auth0Vendor, cloudOrgVendor].map((vendor) => [vendor.name, vendor as VendorDefinition<object>]),
);
