import { type Adapter, validateInput } from '@orgport/core';
import { createHttpClient, staticBearer } from '@orgport/core/driver';
import { workosInvitationsPort } from './ports/invitations-port.js';
import { workosAdminsPort } from './ports/member-kinds-port.js';
import { workosMembersPort } from './ports/members-port.js';
import { workosOrganizationsPort } from './ports/organizations-port.js';
import { workosPermissionsPort } from './ports/permissions-port.js';
import { workosUsersPort } from './ports/users-port.js';
import { classifyWorkOSError } from './wire/workos-error-classifier.js';
import {
  WORKOS_DEFAULT_BASE_URL,
  type WorkOSAdapterOptions,
  WorkOSAdapterOptionsSchema,
} from './workos-adapter-options.js';
import { WORKOS_CAPABILITIES, WORKOS_MULTIPLE_ROLES_CAPABILITIES } from './workos-capabilities.js';
import type { WorkOSContext } from './workos-context.js';

/** The adapter's name in errors, events and manifests. */
export const WORKOS_VENDOR = 'workos';

/**
 * Creates the WorkOS adapter: organizations, organization memberships (every status),
 * roles as organization-scope groups, the admin kind from role slugs, invitations and
 * users by email. HTTP mechanics (bearer API key, retries, `Retry-After` and
 * `X-RateLimit-*` pacing, validation, redaction) come from core.
 *
 * @example
 * ```ts
 * const directory = createDirectory(createWorkOSAdapter({ apiKey: process.env.WORKOS_API_KEY ?? '' }));
 * ```
 */
export function createWorkOSAdapter(options: WorkOSAdapterOptions): Adapter {
  const checked = validateInput(
    'createWorkOSAdapter',
    'options',
    WorkOSAdapterOptionsSchema,
    options,
    WORKOS_VENDOR,
  );
  const http = createHttpClient({
    ...options.http,
    vendor: WORKOS_VENDOR,
    baseUrl: checked.baseUrl ?? WORKOS_DEFAULT_BASE_URL,
    auth: staticBearer(checked.apiKey),
    classifyError: classifyWorkOSError,
  });
  const multipleRoles = checked.multipleRoles ?? false;
  const context: WorkOSContext = {
    vendor: WORKOS_VENDOR,
    http,
    model: {
      adminSlugs: new Set(checked.roleKinds?.admin ?? ['admin']),
      defaultRole: checked.defaultRole ?? 'member',
    },
    multipleRoles,
    users: new Map(),
  };
  return {
    name: WORKOS_VENDOR,
    capabilities: multipleRoles ? WORKOS_MULTIPLE_ROLES_CAPABILITIES : WORKOS_CAPABILITIES,
    organizations: workosOrganizationsPort(context),
    members: workosMembersPort(context),
    admins: workosAdminsPort(context),
    permissions: workosPermissionsPort(context),
    invitations: workosInvitationsPort(context),
    users: workosUsersPort(context),
    close: () => http.close(),
  };
}
