import { z } from 'zod';

/** An Auth0 connection as a config file or the environment gives it. */
export const Auth0ConnectionSchema = z
  .object({
    vendor: z.literal('auth0'),
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

/** A cloud-org connection. */
export const CloudOrgConnectionSchema = z
  .object({
    vendor: z.literal('cloud-org'),
    baseUrl: z.string().optional(),
    username: z.string().optional(),
    password: z.string().optional(),
  })
  .strict();

/** Any connection. */
export const ConnectionSpecSchema = z.discriminatedUnion('vendor', [
  Auth0ConnectionSchema,
  CloudOrgConnectionSchema,
]);

/** A connection; see {@link ConnectionSpecSchema}. */
export type ConnectionSpec = z.infer<typeof ConnectionSpecSchema>;

/** `orgport.config.json`: named connections. String values `env:NAME` are read from the environment. */
export const ConfigFileSchema = z
  .object({
    connections: z.record(z.string().min(1), z.record(z.string(), z.unknown())).default({}),
  })
  .strict();

/** The vendors the CLI knows. */
export const VENDORS = ['auth0', 'cloud-org'] as const;
