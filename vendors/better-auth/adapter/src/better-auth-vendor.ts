import type { VendorDefinition } from '@orgport/core/driver';
import { BETTER_AUTH_CAPABILITIES } from './better-auth-capabilities.js';
import type { BetterAuthConnection } from './better-auth-connector.js';

/**
 * The Better Auth vendor: name, manifest and environment variables, with the adapter loaded
 * on demand. A connection names the application's auth module (`config`), which the
 * adapter drives in-process. Importable alone as `@orgport/adapter-better-auth/vendor`.
 */
export const betterAuthVendor: VendorDefinition<BetterAuthConnection> = {
  name: 'better-auth',
  title: "Better Auth organization plugin (the app's own auth instance, in-process)",
  capabilities: BETTER_AUTH_CAPABILITIES,
  environment: {
    config: 'ORGPORT_BETTER_AUTH_CONFIG',
    inviterId: 'ORGPORT_BETTER_AUTH_INVITER_ID',
  },
  load: async () => (await import('./better-auth-connector.js')).betterAuthConnector,
  // A real Better Auth app on its memory database, in this process (the demo's target).
  loadSimulator: async () => {
    const { loadOptionalSimulator } = await import('@orgport/core/driver');
    return loadOptionalSimulator(
      async () => (await import('./sample/sample-simulator.js')).betterAuthSampleSimulator,
      '@orgport/simulator-kit',
    );
  },
};
