import type { VendorConnector } from '@orgport/core/driver';
import { z } from 'zod';
import { createAuth0Adapter } from './create-auth0-adapter.js';

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

/** The Auth0 adapter's code as the vendor registry loads it. */
export const auth0Connector: VendorConnector<Auth0Connection> = {
  connectionSchema: Auth0ConnectionSchema,
  create: (settings, http) => createAuth0Adapter({ ...settings, http }),
};
