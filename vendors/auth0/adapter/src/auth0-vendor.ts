import { loadOptionalSimulator, type VendorDefinition } from '@orgport/core/driver';
import { z } from 'zod';
import { AUTH0_CAPABILITIES } from './auth0-capabilities.js';
import { AUTH0_VENDOR, createAuth0Adapter } from './create-auth0-adapter.js';

/** Auth0 connection settings as a config file or the environment gives them. */
export const Auth0ConnectionSchema = z
  .object({
    domain: z.string().optional(),
    baseUrl: z.string().optional(),
    clientId: z.string().optional(),
    clientSecret: z.string().optional(),
    token: z.string().optional(),
    audience: z.string().optional(),
    roleKinds: z
      .object({ admin: z.array(z.string()).optional(), billingManager: z.array(z.string()).optional() })
      .optional(),
  })
  .strict();

/** Auth0 connection settings; see {@link Auth0ConnectionSchema}. */
export type Auth0Connection = z.infer<typeof Auth0ConnectionSchema>;

/** The Auth0 vendor: adapter, connection settings, environment variables and simulator. */
export const auth0Vendor: VendorDefinition<Auth0Connection> = {
  name: AUTH0_VENDOR,
  title: 'Auth0 Management API v2 (Organizations)',
  capabilities: AUTH0_CAPABILITIES,
  connectionSchema: Auth0ConnectionSchema,
  environment: {
    domain: 'ORGPORT_AUTH0_DOMAIN',
    baseUrl: 'ORGPORT_AUTH0_BASE_URL',
    clientId: 'ORGPORT_AUTH0_CLIENT_ID',
    clientSecret: 'ORGPORT_AUTH0_CLIENT_SECRET',
    token: 'ORGPORT_AUTH0_TOKEN',
  },
  create: (settings, http) => createAuth0Adapter({ ...settings, http }),
  loadSimulator: () =>
    loadOptionalSimulator(
      async () => (await import('@orgport/simulator-auth0')).auth0VendorSimulator,
      '@orgport/simulator-auth0',
    ),
};
