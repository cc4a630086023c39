import type { HttpTransportOptions, VendorConnector } from '@orgport/core/driver';
import type { ContainerModule } from 'inversify';
import { adapterModule } from './directory-module.js';

/**
 * An inversify module binding `TOKENS.Adapter` to a vendor's adapter, built by its
 * connector from connection settings; load it with `directoryModule()` to get a `Directory`.
 *
 * @example
 * ```ts
 * await container.load(vendorModule(auth0Connector, { domain, clientId, clientSecret }), directoryModule());
 * ```
 */
export function vendorModule<Settings extends object>(
  connector: VendorConnector<Settings>,
  settings: Settings,
  http?: HttpTransportOptions,
): ContainerModule {
  return adapterModule(() => connector.create(settings, http));
}
