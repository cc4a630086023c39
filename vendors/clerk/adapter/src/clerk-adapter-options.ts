import type { HttpTransportOptions } from '@orgport/core/driver';
import { z } from 'zod';

/** Clerk's Backend API origin (the adapter appends `/v1`, as the official SDK does). */
export const CLERK_DEFAULT_API_URL = 'https://api.clerk.com';

/** The Backend API version the adapter is written and tested against (sent as `Clerk-API-Version`). */
export const CLERK_API_VERSION = '2026-05-12';

/** Options of `createClerkAdapter`. */
export interface ClerkAdapterOptions {
  /** The instance's secret key (`sk_live_…` / `sk_test_…`). Never logged, never in errors. */
  readonly secretKey: string;
  /** API origin, as `createClerkClient({ apiUrl })` takes it; default Clerk's. `https:` unless loopback. */
  readonly apiUrl?: string | undefined;
  /**
   * Role keys that make a member an admin (matched exactly). Default `['org:admin']`. The
   * first is the one `admins.grant` gives.
   */
  readonly roleKinds?: { readonly admin?: readonly string[] | undefined } | undefined;
  /** The role a plain member holds, given by `members.add` and `admins.revoke`. Default `org:member`. */
  readonly memberRole?: string | undefined;
  /** Page size for lists (1–500). Default 500. */
  readonly pageSize?: number | undefined;
  /** Transport overrides (retry, timeouts, connections, clock, events…). */
  readonly http?: HttpTransportOptions | undefined;
}

const RoleKey = z.string().min(1).max(255);

/** Validates adapter options; the messages name the option. */
export const ClerkAdapterOptionsSchema = z.object({
  secretKey: z.string({ error: 'is required' }).min(1, { error: 'must not be empty' }),
  apiUrl: z.string().optional(),
  roleKinds: z
    .object({ admin: z.array(RoleKey).min(1).optional() })
    .strict()
    .optional(),
  memberRole: RoleKey.optional(),
  pageSize: z.number().int().min(1).max(500).optional(),
  http: z.record(z.string(), z.unknown()).optional(),
});
