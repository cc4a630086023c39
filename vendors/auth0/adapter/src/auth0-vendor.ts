import type { VendorDefinition } from '@orgport/core/driver';
import { AUTH0_CAPABILITIES } from './auth0-capabilities.js';
import type { Auth0Connection } from './auth0-connector.js';

/**
 * The Auth0 vendor: name, manifest and environment variables, with the adapter and the
 * simulator loaded on demand. Importable alone as `@orgport/adapter-auth0/vendor`.
 */
export const auth0Vendor: VendorDefinition<Auth0Connection> = {
  name: 'auth0',
  title: 'Auth0 Management API v2 (Organizations)',
  capabilities: AUTH0_CAPABILITIES,
  environment: {
    domain: 'ORGPORT_AUTH0_DOMAIN',
    baseUrl: 'ORGPORT_AUTH0_BASE_URL',
    clientId: 'ORGPORT_AUTH0_CLIENT_ID',
    clientSecret: 'ORGPORT_AUTH0_CLIENT_SECRET',
    token: 'ORGPORT_AUTH0_TOKEN',
  },
  load: async () => (await import('./auth0-connector.js')).auth0Connector,
  loadSimulator: async () => {
    const { loadOptionalSimulator } = await import('@orgport/core/driver');
    return loadOptionalSimulator(
      async () => (await import('@orgport/simulator-auth0')).auth0VendorSimulator,
      '@orgport/simulator-auth0',
    );
  },
};
