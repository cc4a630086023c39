import { type Organization, OrgPortError } from '@orgport/core';
import { type HttpClient, offsetCursor, path, type QueryParams } from '@orgport/core/driver';
import type { z } from 'zod';
import { toOrganization } from './wire/clerk-mapping.js';
import { WireMemberships, WireOrganization, WireRoles } from './wire/clerk-wire-schemas.js';

/** What every Clerk port needs. */
export interface ClerkContext {
  /** Adapter name (`clerk`). */
  readonly vendor: string;
  /** The Backend API client (base `${apiUrl}/v1`). */
  readonly http: HttpClient;
  /** Page size for list calls (1–500). */
  readonly pageSize: number;
  /** Role keys that make a member an admin; the first is granted. */
  readonly adminRoles: ReadonlySet<string>;
  /** The role `admins.grant` gives. */
  readonly adminRole: string;
  /** The role of a plain member. */
  readonly memberRole: string;
  /** Role names by key, learnt from role lists (memberships without `role_name` use them). */
  readonly roleNames: Map<string, string>;
}

/** Clerk's largest page (`limit` 1–500). */
export const CLERK_MAX_PAGE = 500;

/** An offset page as the adapter asks for it and reads it. */
interface OffsetPageRequest<
  Body extends { readonly data: readonly unknown[]; readonly total_count: number },
> {
  readonly path: string;
  readonly schema: z.ZodType<Body>;
  readonly query?: QueryParams | undefined;
  readonly cursor?: string | undefined;
  readonly pageSize?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

/**
 * One page of an offset list (`limit`, `offset`, `total_count`): the page number travels in
 * the cursor, and the next cursor is left out after a short page or once `total_count` is
 * reached.
 */
export async function fetchOffsetPage<
  Body extends { readonly data: readonly unknown[]; readonly total_count: number },
>(
  context: ClerkContext,
  request: OffsetPageRequest<Body>,
): Promise<{ body: Body; next?: string | undefined }> {
  const limit = Math.min(Math.max(1, request.pageSize ?? context.pageSize), CLERK_MAX_PAGE);
  const page = offsetCursor.decode(request.cursor);
  const { data } = await context.http.request({
    method: 'GET',
    path: request.path,
    query: { ...request.query, limit, offset: page * limit },
    schema: request.schema,
    signal: request.signal,
  });
  return { body: data, next: offsetCursor.after(page, limit, data.data.length, data.total_count) };
}

/** Every item of an offset list, page by page (for the adapter's own look-ups). */
export async function fetchAll<
  Body extends { readonly data: readonly unknown[]; readonly total_count: number },
>(
  context: ClerkContext,
  request: Omit<OffsetPageRequest<Body>, 'cursor' | 'pageSize'>,
): Promise<Body['data'][number][]> {
  const items: Body['data'][number][] = [];
  let cursor: string | undefined;
  do {
    const { body, next } = await fetchOffsetPage(context, { ...request, cursor });
    items.push(...body.data);
    cursor = next;
  } while (cursor !== undefined);
  return items;
}

/** The organization with this id (the API also finds slugs by that path: an id must match). */
export async function fetchOrganization(
  context: ClerkContext,
  idOrSlug: string,
  by: 'id' | 'slug',
  signal?: AbortSignal,
): Promise<Organization> {
  const { data } = await context.http.request({
    method: 'GET',
    path: path`/organizations/${idOrSlug}`,
    schema: WireOrganization,
    signal,
  });
  if ((by === 'id' ? data.id : data.slug) !== idOrSlug)
    throw new OrgPortError('not_found', `No organization with ${by} ${idOrSlug}`, { vendor: context.vendor });
  return toOrganization(data);
}

/**
 * One user's membership of an organization, or undefined. Asks with the spec's `user_id`
 * filter and matches the user exactly, walking on where a server ignores the filter (the
 * community emulator does). An unknown organization is `not_found`.
 */
export async function findMembership(
  context: ClerkContext,
  organizationId: string,
  userId: string,
  signal?: AbortSignal,
) {
  let cursor: string | undefined;
  do {
    const { body, next } = await fetchOffsetPage(context, {
      path: path`/organizations/${organizationId}/memberships`,
      query: { user_id: [userId] },
      schema: WireMemberships,
      cursor,
      pageSize: CLERK_MAX_PAGE,
      signal,
    });
    const found = body.data.find((membership) => membership.public_user_data?.user_id === userId);
    if (found) return found;
    cursor = next;
  } while (cursor !== undefined);
  return undefined;
}

/** The membership, or `not_found` naming the user. */
export async function requireMembership(
  context: ClerkContext,
  organizationId: string,
  userId: string,
  signal?: AbortSignal,
) {
  const found = await findMembership(context, organizationId, userId, signal);
  if (!found)
    throw new OrgPortError('not_found', `User ${userId} is not a member of organization ${organizationId}`, {
      vendor: context.vendor,
    });
  return found;
}

/** Sets a member's one role. */
export async function setRole(
  context: ClerkContext,
  organizationId: string,
  userId: string,
  role: string,
  signal?: AbortSignal,
): Promise<void> {
  await context.http.request({
    method: 'PATCH',
    path: path`/organizations/${organizationId}/memberships/${userId}`,
    json: { role },
    // Setting the one role to a value is safe to repeat.
    idempotent: true,
    signal,
  });
}

/** The instance's organization roles (every page), remembering their names. */
export async function fetchRoles(context: ClerkContext, signal?: AbortSignal) {
  const roles = await fetchAll(context, { path: '/organization_roles', schema: WireRoles, signal });
  for (const role of roles) context.roleNames.set(role.key, role.name);
  return roles;
}
