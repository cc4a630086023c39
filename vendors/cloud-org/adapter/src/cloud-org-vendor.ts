import { OrgPortError } from '@orgport/core';
import { loadOptionalSimulator, type VendorDefinition } from '@orgport/core/driver';
import { z } from 'zod';
import { CLOUD_ORG_CAPABILITIES } from './cloud-org-capabilities.js';
import { CLOUD_ORG_VENDOR, createCloudOrgAdapter } from './create-cloud-org-adapter.js';

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

/** The cloud-org vendor: adapter, connection settings, environment variables and simulator. */
export const cloudOrgVendor: VendorDefinition<CloudOrgConnection> = {
  name: CLOUD_ORG_VENDOR,
  title: 'product / permission-group management API (ConfigCat shape)',
  capabilities: CLOUD_ORG_CAPABILITIES,
  connectionSchema: CloudOrgConnectionSchema,
  environment: {
    baseUrl: 'ORGPORT_CLOUD_ORG_BASE_URL',
    username: 'ORGPORT_CLOUD_ORG_USERNAME',
    password: 'ORGPORT_CLOUD_ORG_PASSWORD',
  },
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
  loadSimulator: () =>
    loadOptionalSimulator(
      async () => (await import('@orgport/simulator-cloud-org')).cloudOrgVendorSimulator,
      '@orgport/simulator-cloud-org',
    ),
};
