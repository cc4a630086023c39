import { adapterModule } from '@orgport/core';
import type { ContainerModule } from 'inversify';
import type { CloudOrgAdapterOptions } from './cloud-org-adapter-options.js';
import { createCloudOrgAdapter } from './create-cloud-org-adapter.js';

/**
 * An inversify module binding `TOKENS.Adapter` to a cloud-org adapter; load it with
 * `directoryModule()` to get a `Directory`.
 */
export function cloudOrgModule(options: CloudOrgAdapterOptions): ContainerModule {
  return adapterModule(() => createCloudOrgAdapter(options));
}
