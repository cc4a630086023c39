import type { VendorDefinition } from '@orgport/core/driver';
import { CLERK_CAPABILITIES } from './clerk-capabilities.js';
import type { ClerkConnection } from './clerk-connector.js';

/**
 * The Clerk vendor: name, manifest and environment variables, with the adapter and the
 * simulator loaded on demand. Importable alone as `@orgport/adapter-clerk/vendor`.
 */
export const clerkVendor: VendorDefinition<ClerkConnection> = {
  name: 'clerk',
  title: 'Clerk Backend API (organizations, memberships, roles, invitations)',
  capabilities: CLERK_CAPABILITIES,
  environment: {
    secretKey: 'ORGPORT_CLERK_SECRET_KEY',
    apiUrl: 'ORGPORT_CLERK_API_URL',
  },
  load: async () => (await import('./clerk-connector.js')).clerkConnector,
  loadSimulator: async () => {
    const { loadOptionalSimulator } = await import('@orgport/core/driver');
    return loadOptionalSimulator(
      async () => (await import('@orgport/simulator-clerk')).clerkVendorSimulator,
      '@orgport/simulator-clerk',
    );
  },
};
