import type { HttpTransportOptions } from '@orgport/core/driver';
import { z } from 'zod';

/** The vendor's public API. */
export const CLOUD_ORG_DEFAULT_BASE_URL = 'https://api.configcat.com';

/** Options of `createCloudOrgAdapter`. */
export interface CloudOrgAdapterOptions {
  /** API origin; default the vendor's public API. `https:` unless loopback. */
  readonly baseUrl?: string | undefined;
  /** Public API credential user name (Basic auth). */
  readonly username: string;
  /** Its password. Never logged, never in errors. */
  readonly password: string;
  /** Transport overrides (retry, timeouts, connections, events…). */
  readonly http?: HttpTransportOptions | undefined;
}

/** Validates adapter options; messages name the option. */
export const CloudOrgAdapterOptionsSchema = z.object({
  baseUrl: z.string().optional(),
  username: z.string({ error: 'is required' }).min(1, { error: 'must not be empty' }),
  password: z.string({ error: 'is required' }).min(1, { error: 'must not be empty' }),
  http: z.record(z.string(), z.unknown()).optional(),
});
