import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { createDirectory, type Directory, type HttpEventListener, OrgPortError } from '@orgport/core';
import type { ConnectionSpec } from './connection-spec.js';

/** Builds a directory over the adapter a connection names. */
export function openDirectory(spec: ConnectionSpec, onEvent?: HttpEventListener): Directory {
  const http = onEvent ? { onEvent } : undefined;
  if (spec.vendor === 'auth0') {
    const { vendor: _vendor, ...options } = spec;
    return createDirectory(createAuth0Adapter({ ...options, http }));
  }
  if (!spec.username || !spec.password) {
    throw new OrgPortError(
      'invalid_argument',
      'cloud-org connection: username and password are required (ORGPORT_CLOUD_ORG_USERNAME / ORGPORT_CLOUD_ORG_PASSWORD)',
    );
  }
  return createDirectory(
    createCloudOrgAdapter({ baseUrl: spec.baseUrl, username: spec.username, password: spec.password, http }),
  );
}
