import { type Member, type Organization, OrgPortError, type User } from '@orgport/core';
import { fetchCursorPage, type HttpClient, type Page, path } from '@orgport/core/driver';
import type { z } from 'zod';
import { type RoleModel, slugsOf, toMember, toOrganization, toUser } from './wire/workos-mapping.js';
import {
  type WireMembership,
  WireMembershipList,
  WireOrganization,
  type WireRole,
  WireRoleList,
  WireUserList,
} from './wire/workos-wire-schemas.js';

/** Every membership status: WorkOS lists only active memberships unless asked. */
export const ALL_STATUSES = 'active,inactive,pending';

/** What every WorkOS port needs, with the few reads they share. */
export interface WorkOSContext {
  readonly vendor: string;
  readonly http: HttpClient;
  readonly model: RoleModel;
  /** Whether the environment holds several roles per membership (`role_slugs`). */
  readonly multipleRoles: boolean;
  /**
   * Users of memberships that arrive without the embedded `user` the spec requires (the
   * official emulator sends none), read once per organization by the users list.
   */
  readonly users: Map<string, User>;
}

/** A WorkOS membership as read. */
export type WireMembershipRecord = z.infer<typeof WireMembership>;

/** The organization, or `not_found`. */
export async function fetchOrganization(
  context: WorkOSContext,
  organizationId: string,
  signal?: AbortSignal,
): Promise<Organization> {
  const { data } = await context.http.request({
    method: 'GET',
    path: path`/organizations/${organizationId}`,
    schema: WireOrganization,
    signal,
  });
  return toOrganization(data);
}

/** Fills the user cache with the organization's users (every page), for memberships without `user`. */
async function loadUsers(context: WorkOSContext, organizationId: string, signal?: AbortSignal) {
  let cursor: string | undefined;
  do {
    const page: Page<User> = await fetchCursorPage(
      {
        http: context.http,
        path: '/user_management/users',
        query: { organization_id: organizationId, order: 'asc' },
        schema: WireUserList,
        items: (body) => body.data.map(toUser),
        next: (body) => body.list_metadata?.after,
      },
      { cursor, signal },
    );
    for (const user of page.items) context.users.set(user.id, user);
    cursor = page.next;
  } while (cursor);
}

/** Memberships → members, reading the users the answer did not embed. */
export async function toMembers(
  context: WorkOSContext,
  memberships: readonly WireMembershipRecord[],
  signal?: AbortSignal,
): Promise<Member[]> {
  const missing = memberships.find((m) => !m.user && !context.users.has(m.user_id));
  if (missing) await loadUsers(context, missing.organization_id, signal);
  return memberships.map((m) =>
    toMember(m, m.user ? toUser(m.user) : context.users.get(m.user_id), context.model),
  );
}

/** One page of memberships, filtered as the query says, every status. */
export function fetchMembershipPage(
  context: WorkOSContext,
  query: { organization_id?: string; user_id?: string },
  options: { cursor?: string | undefined; pageSize?: number | undefined; signal?: AbortSignal | undefined },
): Promise<Page<WireMembershipRecord>> {
  return fetchCursorPage(
    {
      http: context.http,
      path: '/user_management/organization_memberships',
      query: { ...query, statuses: ALL_STATUSES, order: 'asc' },
      schema: WireMembershipList,
      items: (body) => body.data,
      next: (body) => body.list_metadata?.after,
    },
    options,
  );
}

/** The membership of a user in an organization (any status), or undefined. */
export async function findMembership(
  context: WorkOSContext,
  organizationId: string,
  userId: string,
  signal?: AbortSignal,
): Promise<WireMembershipRecord | undefined> {
  let cursor: string | undefined;
  do {
    const page = await fetchMembershipPage(
      context,
      { organization_id: organizationId, user_id: userId },
      { cursor, signal },
    );
    // Filtered again: a server that ignores a filter must not hand us another's membership.
    const found = page.items.find((m) => m.organization_id === organizationId && m.user_id === userId);
    if (found) return found;
    cursor = page.next;
  } while (cursor);
  return undefined;
}

/** The membership, or `not_found` (after checking the organization, so its absence is named). */
export async function requireMembership(
  context: WorkOSContext,
  organizationId: string,
  userId: string,
  signal?: AbortSignal,
): Promise<WireMembershipRecord> {
  const found = await findMembership(context, organizationId, userId, signal);
  if (found) return found;
  await fetchOrganization(context, organizationId, signal);
  throw new OrgPortError('not_found', `User ${userId} is not a member of organization ${organizationId}`, {
    vendor: context.vendor,
  });
}

/** Every role of a role list (followed past pages where a server pages it, as the emulator does). */
export async function fetchRoles(
  context: WorkOSContext,
  rolesPath: string,
  signal?: AbortSignal,
): Promise<z.infer<typeof WireRole>[]> {
  const roles: z.infer<typeof WireRole>[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchCursorPage(
      {
        http: context.http,
        path: rolesPath,
        schema: WireRoleList,
        items: (body) => body.data,
        next: (body) => body.list_metadata?.after,
      },
      { cursor, signal },
    );
    roles.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return roles;
}

/** The roles that apply to an organization: environment roles and its own (the emulator lists only the latter there). */
export async function rolesOf(context: WorkOSContext, organizationId: string, signal?: AbortSignal) {
  const environment = await fetchRoles(context, '/authorization/roles', signal);
  const organization = await fetchRoles(
    context,
    path`/authorization/organizations/${organizationId}/roles`,
    signal,
  );
  const bySlug = new Map<string, z.infer<typeof WireRole>>();
  for (const role of [...environment, ...organization]) bySlug.set(role.slug, role);
  return bySlug;
}

/** Writes a membership's whole role set: `role_slug` on single-role environments, `role_slugs` otherwise. */
export async function writeRoles(
  context: WorkOSContext,
  membership: WireMembershipRecord,
  slugs: readonly string[],
  signal?: AbortSignal,
): Promise<void> {
  const wanted = slugs.length > 0 ? [...new Set(slugs)] : [context.model.defaultRole];
  const held = slugsOf(membership);
  if (held.length === wanted.length && wanted.every((slug) => held.includes(slug))) return;
  await context.http.request({
    method: 'PUT',
    path: path`/user_management/organization_memberships/${membership.id}`,
    json: context.multipleRoles ? { role_slugs: wanted } : { role_slug: wanted[0] },
    signal,
  });
}
