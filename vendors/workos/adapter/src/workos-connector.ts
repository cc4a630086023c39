import { OrgPortError } from '@orgport/core';
import type { VendorConnector } from '@orgport/core/driver';
import { z } from 'zod';
import { createWorkOSAdapter } from './create-workos-adapter.js';

/** WorkOS connection settings as a config file or the environment gives them. */
export const WorkOSConnectionSchema = z
  .object({
    baseUrl: z.string().optional(),
    apiKey: z.string().optional(),
    /** `true` when the environment has multiple roles enabled. */
    multipleRoles: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
    /** Comma-separated role slugs that make an admin (default `admin`). */
    adminRoles: z.string().optional(),
    /** The environment's default role slug (default `member`). */
    defaultRole: z.string().optional(),
  })
  .strict();

/** WorkOS connection settings; see {@link WorkOSConnectionSchema}. */
export type WorkOSConnection = z.infer<typeof WorkOSConnectionSchema>;

/** The WorkOS adapter's code as the vendor registry loads it. */
export const workosConnector: VendorConnector<WorkOSConnection> = {
  connectionSchema: WorkOSConnectionSchema,
  create(settings, http) {
    if (!settings.apiKey) {
      throw new OrgPortError(
        'invalid_argument',
        'workos connection: apiKey is required (ORGPORT_WORKOS_API_KEY)',
      );
    }
    const admin = settings.adminRoles
      ?.split(',')
      .map((slug) => slug.trim())
      .filter(Boolean);
    return createWorkOSAdapter({
      apiKey: settings.apiKey,
      baseUrl: settings.baseUrl,
      multipleRoles: settings.multipleRoles === true || settings.multipleRoles === 'true',
      defaultRole: settings.defaultRole,
      roleKinds: admin && admin.length > 0 ? { admin } : undefined,
      http,
    });
  },
};
