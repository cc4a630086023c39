import { type Adapter, OrgPortError } from '@orgport/core';
import type { BetterAuthAdapterOptions } from './better-auth-adapter-options.js';
import { BETTER_AUTH_CAPABILITIES } from './better-auth-capabilities.js';
import { BETTER_AUTH_VENDOR, createBetterAuthContext, organizationOptions } from './better-auth-context.js';
import { betterAuthInputRules } from './better-auth-input-rules.js';
import { betterAuthInvitationsPort } from './ports/invitations-port.js';
import { betterAuthMemberKindPort } from './ports/member-kinds-port.js';
import { betterAuthMembersPort } from './ports/members-port.js';
import { betterAuthOrganizationsPort } from './ports/organizations-port.js';
import { betterAuthPermissionsPort } from './ports/permissions-port.js';
import { betterAuthUsersPort } from './ports/users-port.js';

const checkNames = (names: readonly string[] | undefined, field: string) => {
  if (names === undefined) return;
  if (
    !Array.isArray(names) ||
    names.length === 0 ||
    names.some((name) => typeof name !== 'string' || !name.trim() || name.includes(','))
  )
    throw new OrgPortError(
      'invalid_argument',
      `${field} must be a non-empty list of role names without commas`,
      {
        vendor: BETTER_AUTH_VENDOR,
      },
    );
};

/**
 * Creates the adapter over an application's own Better Auth instance, in-process: no
 * HTTP, no session. Members are added with the plugin's `auth.api.addMember` (its
 * membership limit and hooks apply); everything Better Auth only offers behind a member's
 * session (listing every organization, updating roles, removing members, invitations) goes
 * through the plugin's data layer (`getOrgAdapter`) and Better Auth's database adapter
 * (`findMany`/`count`, paged), which work on every database Better Auth supports.
 *
 * @example
 * ```ts
 * import { auth } from './lib/auth';             // betterAuth({ …, plugins: [organization()] })
 * const directory = createDirectory(createBetterAuthAdapter({ auth }));
 * ```
 */
export function createBetterAuthAdapter(options: BetterAuthAdapterOptions): Adapter {
  if (typeof options !== 'object' || options === null || !options.auth)
    throw new OrgPortError(
      'invalid_argument',
      "createBetterAuthAdapter: options.auth (the app's Better Auth instance) is required",
      {
        vendor: BETTER_AUTH_VENDOR,
      },
    );
  checkNames(options.roleKinds?.admin, 'roleKinds.admin');
  checkNames(options.roleKinds?.billingManager, 'roleKinds.billingManager');
  if (
    options.pageSize !== undefined &&
    !(Number.isInteger(options.pageSize) && options.pageSize >= 1 && options.pageSize <= 1000)
  )
    throw new OrgPortError('invalid_argument', 'pageSize must be an integer from 1 to 1000', {
      vendor: BETTER_AUTH_VENDOR,
    });
  // An instance given as such is checked now; a promise (a module still loading) on first use.
  if (!(options.auth instanceof Promise)) organizationOptions(options.auth);
  const context = createBetterAuthContext(options);
  return {
    name: BETTER_AUTH_VENDOR,
    capabilities: BETTER_AUTH_CAPABILITIES,
    inputRules: betterAuthInputRules(context),
    organizations: betterAuthOrganizationsPort(context),
    members: betterAuthMembersPort(context),
    admins: betterAuthMemberKindPort(context, 'admin'),
    billingManagers: betterAuthMemberKindPort(context, 'billing_manager'),
    permissions: betterAuthPermissionsPort(context),
    invitations: betterAuthInvitationsPort(context),
    users: betterAuthUsersPort(context),
  };
}
