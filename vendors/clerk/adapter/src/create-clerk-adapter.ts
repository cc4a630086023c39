import { type Adapter, OrgPortError, validateInput } from '@orgport/core';
import { createHttpClient, type HttpClient, parseBaseUrl, staticBearer } from '@orgport/core/driver';
import {
  CLERK_API_VERSION,
  CLERK_DEFAULT_API_URL,
  type ClerkAdapterOptions,
  ClerkAdapterOptionsSchema,
} from './clerk-adapter-options.js';
import { CLERK_CAPABILITIES } from './clerk-capabilities.js';
import type { ClerkContext } from './clerk-context.js';
import { CLERK_INPUT_RULES } from './clerk-input-rules.js';
import { clerkAdminsPort } from './ports/admins-port.js';
import { clerkInvitationsPort } from './ports/invitations-port.js';
import { clerkMembersPort } from './ports/members-port.js';
import { clerkOrganizationsPort } from './ports/organizations-port.js';
import { clerkPermissionsPort } from './ports/permissions-port.js';
import { clerkUsersPort } from './ports/users-port.js';
import { classifyClerkError } from './wire/clerk-error-classifier.js';

/** The adapter's name in errors, events and manifests. */
export const CLERK_VENDOR = 'clerk';

/** Role keys that make a member an admin, by default. */
export const DEFAULT_ADMIN_ROLES: readonly string[] = Object.freeze(['org:admin']);

/**
 * Creates the Clerk Backend API adapter: organizations (the slug is orgport's unique
 * `name`), memberships with their one role, roles as organization-scope permission groups,
 * admins as the members holding an admin role, invitations and users by email. Answers are
 * read whatever their JSON content type (`application/json; charset=UTF-8` included). HTTP
 * mechanics — retries, pacing from `X-RateLimit-*`, timeouts, validation, redaction — come
 * from core.
 *
 * @example
 * ```ts
 * const directory = createDirectory(createClerkAdapter({ secretKey: process.env.CLERK_SECRET_KEY! }));
 * ```
 */
export function createClerkAdapter(options: ClerkAdapterOptions): Adapter {
  const checked = validateInput(
    'createClerkAdapter',
    'options',
    ClerkAdapterOptionsSchema,
    options,
    CLERK_VENDOR,
  );
  const origin = parseBaseUrl(checked.apiUrl ?? CLERK_DEFAULT_API_URL, 'apiUrl');
  if (origin.pathname !== '/' || origin.search !== '') {
    throw new OrgPortError(
      'invalid_argument',
      'apiUrl must be an origin (scheme, host and port) without a path: the adapter adds /v1',
      { vendor: CLERK_VENDOR },
    );
  }
  const adminRoles = checked.roleKinds?.admin ?? DEFAULT_ADMIN_ROLES;
  const memberRole = checked.memberRole ?? 'org:member';
  if (adminRoles.includes(memberRole)) {
    throw new OrgPortError('invalid_argument', `memberRole ${memberRole} cannot also be an admin role`, {
      vendor: CLERK_VENDOR,
    });
  }
  const client = createHttpClient({
    ...options.http,
    vendor: CLERK_VENDOR,
    baseUrl: `${origin.origin}/v1`,
    auth: staticBearer(checked.secretKey),
    classifyError: classifyClerkError,
  });
  // Every request names the API version the adapter is written for, as the official SDK does.
  const http: HttpClient = {
    ...client,
    request: (request) =>
      client.request({ ...request, headers: { 'clerk-api-version': CLERK_API_VERSION, ...request.headers } }),
  };
  const context: ClerkContext = {
    vendor: CLERK_VENDOR,
    http,
    pageSize: checked.pageSize ?? 500,
    adminRoles: new Set(adminRoles),
    adminRole: adminRoles[0] as string,
    memberRole,
    roleNames: new Map(),
  };
  return {
    name: CLERK_VENDOR,
    capabilities: CLERK_CAPABILITIES,
    inputRules: CLERK_INPUT_RULES,
    organizations: clerkOrganizationsPort(context),
    members: clerkMembersPort(context),
    admins: clerkAdminsPort(context),
    permissions: clerkPermissionsPort(context),
    invitations: clerkInvitationsPort(context),
    users: clerkUsersPort(context),
    close: () => http.close(),
  };
}
