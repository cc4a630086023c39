import type { HttpTransportOptions, VendorDefinition } from '@orgport/core/driver';
import type { ContainerModule } from 'inversify';
import { adapterModule } from './directory-module.js';

/**
 * An inversify module binding `TOKENS.Adapter` to a vendor's adapter, built from its
 * definition and connection settings; load it with `directoryModule()` to get a `Directory`.
 *
 * @example
 * ```ts
 * await container.load(vendorModule(auth0Vendor, { domain, clientId, clientSecret }), directoryModule());
 * ```
 */
export function vendorModule<Settings extends object>(
  vendor: VendorDefinition<Settings>,
  settings: Settings,
  http?: HttpTransportOptions,
): ContainerModule {
  return adapterModule(() => vendor.create(settings, http));
}
