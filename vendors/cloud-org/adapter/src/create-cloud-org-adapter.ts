import { type Adapter, validateInput } from '@orgport/core';
import { basicAuth, createHttpClient, type HttpClient } from '@orgport/core/driver';
import {
  CLOUD_ORG_DEFAULT_BASE_URL,
  type CloudOrgAdapterOptions,
  CloudOrgAdapterOptionsSchema,
} from './cloud-org-adapter-options.js';
import { CLOUD_ORG_CAPABILITIES } from './cloud-org-capabilities.js';
import type { CloudOrgContext } from './cloud-org-context.js';
import { cloudOrgInvitationsPort } from './ports/invitations-port.js';
import { cloudOrgMemberKindPort } from './ports/member-kinds-port.js';
import { cloudOrgMembersPort } from './ports/members-port.js';
import { cloudOrgOrganizationsPort } from './ports/organizations-port.js';
import { cloudOrgPermissionsPort } from './ports/permissions-port.js';
import { cloudOrgProductsPort } from './ports/products-port.js';
import { SharedGrants } from './wire/shared-grants.js';

/** The adapter's name in errors, events and manifests. */
export const CLOUD_ORG_VENDOR = 'cloud-org';

/** The cloud-org adapter, with its HTTP client for API calls orgport has no operation for. */
export interface CloudOrgAdapter extends Adapter {
  /** The adapter's API client (Basic auth, retries, pacing, redaction): the escape hatch, `directory.unwrap().raw`. */
  readonly raw: HttpClient;
}

/**
 * Creates the adapter for the product / permission-group management API (ConfigCat's
 * Public Management API): organizations of the account, the v2 members list with admins,
 * billing managers and per-product groups, permission updates, removals, invitations and
 * products. HTTP mechanics (Basic auth, retries, `X-Rate-Limit-*` and `Retry-After`
 * pacing, validation, redaction) come from core.
 *
 * @example
 * ```ts
 * const directory = createDirectory(createCloudOrgAdapter({ username, password }));
 * ```
 */
export function createCloudOrgAdapter(options: CloudOrgAdapterOptions): CloudOrgAdapter {
  const checked = validateInput(
    'createCloudOrgAdapter',
    'options',
    CloudOrgAdapterOptionsSchema,
    options,
    CLOUD_ORG_VENDOR,
  );
  const http = createHttpClient({
    ...options.http,
    vendor: CLOUD_ORG_VENDOR,
    baseUrl: checked.baseUrl ?? CLOUD_ORG_DEFAULT_BASE_URL,
    auth: basicAuth(checked.username, checked.password),
  });
  const context: CloudOrgContext = {
    vendor: CLOUD_ORG_VENDOR,
    http,
    groupNames: new Map(),
    grants: new SharedGrants(),
  };
  return {
    name: CLOUD_ORG_VENDOR,
    capabilities: CLOUD_ORG_CAPABILITIES,
    raw: http,
    organizations: cloudOrgOrganizationsPort(context),
    members: cloudOrgMembersPort(context),
    admins: cloudOrgMemberKindPort(context, 'admin'),
    billingManagers: cloudOrgMemberKindPort(context, 'billing_manager'),
    permissions: cloudOrgPermissionsPort(context),
    invitations: cloudOrgInvitationsPort(context),
    products: cloudOrgProductsPort(context),
    close: () => http.close(),
  };
}
