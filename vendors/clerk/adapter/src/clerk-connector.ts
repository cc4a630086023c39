import { OrgPortError } from '@orgport/core';
import type { VendorConnector } from '@orgport/core/driver';
import { z } from 'zod';
import { createClerkAdapter } from './create-clerk-adapter.js';

/** Clerk connection settings as a config file or the environment gives them. */
export const ClerkConnectionSchema = z
  .object({
    secretKey: z.string().optional(),
    apiUrl: z.string().optional(),
    roleKinds: z.object({ admin: z.array(z.string()).optional() }).optional(),
    memberRole: z.string().optional(),
  })
  .strict();

/** Clerk connection settings; see {@link ClerkConnectionSchema}. */
export type ClerkConnection = z.infer<typeof ClerkConnectionSchema>;

/** The Clerk adapter's code as the vendor registry loads it. */
export const clerkConnector: VendorConnector<ClerkConnection> = {
  connectionSchema: ClerkConnectionSchema,
  create(settings, http) {
    if (!settings.secretKey) {
      throw new OrgPortError(
        'invalid_argument',
        'clerk connection: secretKey is required (ORGPORT_CLERK_SECRET_KEY)',
      );
    }
    return createClerkAdapter({ ...settings, secretKey: settings.secretKey, http });
  },
};
