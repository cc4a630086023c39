import { OrgPortError } from '@orgport/core';
import type { VendorConnector } from '@orgport/core/driver';
import { z } from 'zod';
import { createCloudOrgAdapter } from './create-cloud-org-adapter.js';

/** cloud-org connection settings as a config file or the environment gives them. */
export const CloudOrgConnectionSchema = z
  .object({
    baseUrl: z.string().optional(),
    username: z.string().optional(),
    password: z.string().optional(),
  })
  .strict();

/** cloud-org connection settings; see {@link CloudOrgConnectionSchema}. */
export type CloudOrgConnection = z.infer<typeof CloudOrgConnectionSchema>;

/** The cloud-org adapter's code as the vendor registry loads it. */
export const cloudOrgConnector: VendorConnector<CloudOrgConnection> = {
  connectionSchema: CloudOrgConnectionSchema,
  create(settings, http) {
    if (!settings.username || !settings.password) {
      throw new OrgPortError(
        'invalid_argument',
        'cloud-org connection: username and password are required (ORGPORT_CLOUD_ORG_USERNAME / ORGPORT_CLOUD_ORG_PASSWORD)',
      );
    }
    return createCloudOrgAdapter({
      baseUrl: settings.baseUrl,
      username: settings.username,
      password: settings.password,
      http,
    });
  },
};
