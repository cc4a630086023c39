import type { HttpTransportOptions } from '@orgport/core/driver';
import { z } from 'zod';

/** Options of `createAuth0Adapter`. */
export interface Auth0AdapterOptions {
  /** Tenant domain, e.g. `acme.eu.auth0.com`; the API is `https://{domain}/api/v2`. */
  readonly domain?: string | undefined;
  /** An origin overriding `https://{domain}` (e.g. a simulator at `http://127.0.0.1:4010`). */
  readonly baseUrl?: string | undefined;
  /** Machine-to-machine client id (client-credentials grant). */
  readonly clientId?: string | undefined;
  /** Its secret. Never logged, never in errors. */
  readonly clientSecret?: string | undefined;
  /** Token audience. Default `${origin}/api/v2/`. */
  readonly audience?: string | undefined;
  /** A ready Management API token instead of client credentials (no refresh). */
  readonly token?: string | undefined;
  /**
   * Auth0 role names that make a member an admin or a billing manager (matched without
   * regard to case). Defaults: `admin` → `['admin']`, `billingManager` → `['billing_manager']`.
   */
  readonly roleKinds?:
    | { readonly admin?: readonly string[]; readonly billingManager?: readonly string[] }
    | undefined;
  /** Application `client_id` invitations are sent for. Default: `clientId`. */
  readonly invitationClientId?: string | undefined;
  /** Inviter name used when a caller gives none. Default `orgport`. */
  readonly defaultInviterName?: string | undefined;
  /** Page size for lists (1–100). Default 100. */
  readonly pageSize?: number | undefined;
  /** Transport overrides (retry, timeouts, connections, events…). */
  readonly http?: HttpTransportOptions | undefined;
}

/** Validates adapter options; the messages name the option. */
export const Auth0AdapterOptionsSchema = z
  .object({
    domain: z
      .string()
      .regex(/^[a-z0-9.-]+$/i, {
        error: 'must be a host name such as tenant.eu.auth0.com (no scheme, no path)',
      })
      .optional(),
    baseUrl: z.string().optional(),
    clientId: z.string().min(1).optional(),
    clientSecret: z.string().min(1).optional(),
    audience: z.string().min(1).optional(),
    token: z.string().min(1).optional(),
    roleKinds: z
      .object({
        admin: z.array(z.string().min(1)).optional(),
        billingManager: z.array(z.string().min(1)).optional(),
      })
      .optional(),
    invitationClientId: z.string().min(1).optional(),
    defaultInviterName: z.string().min(1).max(300).optional(),
    pageSize: z.number().int().min(1).max(100).optional(),
    http: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((o) => o.domain !== undefined || o.baseUrl !== undefined, {
    error: 'either domain or baseUrl is required',
    path: ['domain'],
  })
  .refine((o) => o.token !== undefined || (o.clientId !== undefined && o.clientSecret !== undefined), {
    error: 'either token, or clientId and clientSecret, are required',
    path: ['clientId'],
  });
