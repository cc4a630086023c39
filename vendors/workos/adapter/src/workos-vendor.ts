import type { VendorDefinition } from '@orgport/core/driver';
import { WORKOS_CAPABILITIES } from './workos-capabilities.js';
import type { WorkOSConnection } from './workos-connector.js';

/**
 * The WorkOS vendor: name, manifest (one role per membership, WorkOS's default) and
 * environment variables, with the adapter and the simulator loaded on demand. Importable
 * alone as `@orgport/adapter-workos/vendor`.
 */
export const workosVendor: VendorDefinition<WorkOSConnection> = {
  name: 'workos',
  title: 'WorkOS organizations, memberships, roles and invitations',
  capabilities: WORKOS_CAPABILITIES,
  environment: {
    baseUrl: 'ORGPORT_WORKOS_BASE_URL',
    apiKey: 'ORGPORT_WORKOS_API_KEY',
    multipleRoles: 'ORGPORT_WORKOS_MULTIPLE_ROLES',
    adminRoles: 'ORGPORT_WORKOS_ADMIN_ROLES',
    defaultRole: 'ORGPORT_WORKOS_DEFAULT_ROLE',
  },
  load: async () => (await import('./workos-connector.js')).workosConnector,
  loadSimulator: async () => {
    const { loadOptionalSimulator } = await import('@orgport/core/driver');
    return loadOptionalSimulator(
      async () => (await import('@orgport/simulator-workos')).workosVendorSimulator,
      '@orgport/simulator-workos',
    );
  },
};
