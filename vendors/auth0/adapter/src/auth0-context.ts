import type { HttpClient } from '@orgport/core/driver';
import type { RoleDirectory } from './role-directory.js';
import type { KindRoleNames } from './wire/auth0-mapping.js';

/** What every Auth0 port needs. */
export interface Auth0Context {
  /** Adapter name (`auth0`). */
  readonly vendor: string;
  /** The Management API client (base `${origin}/api/v2`). */
  readonly http: HttpClient;
  /** Page size for list calls. */
  readonly pageSize: number;
  /** Role names carrying kinds. */
  readonly kinds: KindRoleNames;
  /** Tenant roles, cached. */
  readonly roles: RoleDirectory;
  /** `client_id` invitations are created for. */
  readonly invitationClientId: string | undefined;
  /** Inviter name when the caller gives none. */
  readonly defaultInviterName: string;
}

/** Auth0 serves at most this many records by page number. */
export const OFFSET_CAP = 1000;
/** Auth0 takes at most this many users per add/remove members call. */
export const MEMBERS_PER_CALL = 10;
/** Auth0 takes at most this many roles per role assignment call. */
export const ROLES_PER_CALL = 50;
