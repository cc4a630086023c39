import type { HttpTransportOptions } from '@orgport/core/driver';
import { z } from 'zod';

/** WorkOS's public API origin. */
export const WORKOS_DEFAULT_BASE_URL = 'https://api.workos.com';

/** Options of `createWorkOSAdapter`. */
export interface WorkOSAdapterOptions {
  /** A WorkOS secret API key (`sk_…`). Never logged, never in errors. */
  readonly apiKey: string;
  /** API origin; default WorkOS's public API. `https:` unless loopback. */
  readonly baseUrl?: string | undefined;
  /**
   * Role slugs that make a member an admin (WorkOS has no billing-manager notion).
   * Default `{ admin: ['admin'] }`; the first slug is the one `admins.grant` assigns.
   */
  readonly roleKinds?: { readonly admin?: readonly string[] | undefined } | undefined;
  /**
   * Whether the environment has multiple roles enabled (`role_slugs`). Default `false`: one
   * role per membership, so the admin role replaces any other (`rolesPerMember: 'one'`,
   * admins' grants implicit).
   */
  readonly multipleRoles?: boolean | undefined;
  /** The environment's default role slug, held by a member with no other role. Default `member`. */
  readonly defaultRole?: string | undefined;
  /** Transport overrides (retry, timeouts, connections, clock, events…). */
  readonly http?: HttpTransportOptions | undefined;
}

const Slug = z
  .string()
  .min(1, { error: 'must not be empty' })
  .max(100)
  .regex(/^[a-z0-9][a-z0-9_:-]*$/i, { error: 'must be a role slug (letters, digits, - _ :)' });

/** Validates adapter options; messages name the option. */
export const WorkOSAdapterOptionsSchema = z.object({
  apiKey: z.string({ error: 'is required' }).min(1, { error: 'must not be empty' }),
  baseUrl: z.string().optional(),
  roleKinds: z
    .object({ admin: z.array(Slug).min(1).optional() })
    .strict()
    .optional(),
  multipleRoles: z.boolean().optional(),
  defaultRole: Slug.optional(),
  http: z.record(z.string(), z.unknown()).optional(),
});
