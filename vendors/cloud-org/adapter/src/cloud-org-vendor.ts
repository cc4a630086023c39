import type { VendorDefinition } from '@orgport/core/driver';
import { CLOUD_ORG_CAPABILITIES } from './cloud-org-capabilities.js';
import type { CloudOrgConnection } from './cloud-org-connector.js';

/**
 * The cloud-org vendor: name, manifest and environment variables, with the adapter and the
 * simulator loaded on demand. Importable alone as `@orgport/adapter-cloud-org/vendor`.
 */
export const cloudOrgVendor: VendorDefinition<CloudOrgConnection> = {
  name: 'cloud-org',
  title: 'product / permission-group management API (ConfigCat shape)',
  capabilities: CLOUD_ORG_CAPABILITIES,
  environment: {
    baseUrl: 'ORGPORT_CLOUD_ORG_BASE_URL',
    username: 'ORGPORT_CLOUD_ORG_USERNAME',
    password: 'ORGPORT_CLOUD_ORG_PASSWORD',
  },
  load: async () => (await import('./cloud-org-connector.js')).cloudOrgConnector,
  loadSimulator: async () => {
    const { loadOptionalSimulator } = await import('@orgport/core/driver');
    return loadOptionalSimulator(
      async () => (await import('@orgport/simulator-cloud-org')).cloudOrgVendorSimulator,
      '@orgport/simulator-cloud-org',
    );
  },
};
