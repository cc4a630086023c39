import type { SimRequest, SimResponse, SimRoute } from '@orgport/simulator-kit';
import { organizationNotFound } from './auth0-errors.js';
import type { PagingOptions } from './auth0-paging.js';
import type { Auth0Organization, Auth0Store } from './auth0-store.js';

/** Behaviours the reference marks unconfirmed, switchable per simulator. */
export interface Auth0Quirks {
  /** Status of `POST /organizations/{id}/invitations`: 201 observed, 200 per the docs. Default 201. */
  readonly createInvitationStatus: 200 | 201;
  /** Body of `POST /organizations/{id}/client-grants`: `grant_id` observed, `id` per the OAS. Default `observed`. */
  readonly associateGrantResponse: 'observed' | 'oas';
  /** Role writes for a user who is not a member: 404 (2025) or 204 (2023). Default 404. */
  readonly rolesForNonMember: 404 | 204;
  /** Status when `POST members` names a user that does not exist: 404 or 400. Default 404. */
  readonly unknownUserOnAdd: 404 | 400;
  /** PATCH metadata: replace the object or merge keys. Default `replace`. */
  readonly patchMetadata: 'replace' | 'merge';
  /** Send `Retry-After` on 429s (undocumented). Default false. */
  readonly retryAfterOn429: boolean;
  /** Token endpoint body for bad credentials: the spec's `invalid_client` or the reported `access_denied`. Default `access_denied`. */
  readonly badCredentialsError: 'invalid_client' | 'access_denied';
}

/** What every Auth0 route handler can reach. */
export interface Auth0Context {
  readonly store: Auth0Store;
  readonly paging: PagingOptions;
  readonly quirks: Auth0Quirks;
  /** Lag of `GET /organizations/{id}/members` behind member writes, ms. */
  readonly memberListLagMs: number;
  /** The simulator's origin (for invitation URLs and the token audience). */
  origin(): string;
}

/** A Management API route with the scopes that allow it (any of). */
export interface Auth0Route extends SimRoute {
  readonly scopes: readonly string[];
}

/** The organization named by `:id`, or Auth0's 404. */
export function organizationOr404(
  context: Auth0Context,
  request: SimRequest,
): Auth0Organization | SimResponse {
  return context.store.organizations.get(request.params.id ?? '') ?? organizationNotFound();
}

/** Type guard: a value is an early response rather than a found entity. */
export function isResponse(value: unknown): value is SimResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    typeof (value as SimResponse).status === 'number' &&
    !('id' in value)
  );
}
