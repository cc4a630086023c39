import type { VendorDefinition } from '@orgport/core/driver';
import { VENDOR_TEMPLATE_CAPABILITIES } from './vendor-template-capabilities.js';
import type { VendorTemplateConnection } from './vendor-template-connector.js';

/** The VendorTemplate vendor, as the generated CLI registry lists it. Cheap to import. */
export const vendorTemplateVendor: VendorDefinition<VendorTemplateConnection> = {
  name: 'vendor-template',
  title: 'VendorTemplate',
  capabilities: VENDOR_TEMPLATE_CAPABILITIES,
  environment: { baseUrl: 'ORGPORT_VENDOR_TEMPLATE_BASE_URL', apiKey: 'ORGPORT_VENDOR_TEMPLATE_API_KEY' },
  load: async () => (await import('./vendor-template-connector.js')).vendorTemplateConnector,
  // template: simulator path only {
  loadSimulator: async () => {
    const { loadOptionalSimulator } = await import('@orgport/core/driver');
    return loadOptionalSimulator(
      async () => (await import('@orgport/simulator-vendor-template')).vendorTemplateVendorSimulator,
      '@orgport/simulator-vendor-template',
    );
  },
  // template: }
};
