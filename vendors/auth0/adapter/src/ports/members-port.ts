import type { Member } from '@orgport/core';
import { chunk, type MemberPort, type Page, path } from '@orgport/core/driver';
import { type Auth0Context, MEMBERS_PER_CALL } from '../auth0-context.js';
import { fetchOffsetPage } from '../offset-page.js';
import { toMember, toOrganization } from '../wire/auth0-mapping.js';
import { checkMemberPage } from '../wire/auth0-wire-checks.js';
import { WireMember, WireOrganization, wireList } from '../wire/auth0-wire-schemas.js';
import { MemberRoleSets } from '../wire/member-role-sets.js';

/** The member fields requested, roles included so kinds and grants need no call per member. */
const MEMBER_FIELDS = 'user_id,email,name,picture,roles';

/** One checkpoint page of members with their roles (one request). */
export async function fetchMemberPage(
  context: Auth0Context,
  organizationId: string,
  cursor: string | undefined,
  pageSize: number | undefined,
  signal: AbortSignal | undefined,
): Promise<Page<Member>> {
  const { data } = await context.http.request({
    method: 'GET',
    path: path`/organizations/${organizationId}/members`,
    query: {
      take: Math.min(100, pageSize ?? context.pageSize),
      from: cursor,
      fields: MEMBER_FIELDS,
      include_fields: true,
    },
    schema: wireList('members', WireMember),
    // Checked in place: no copy of every member before the one mapping pass below.
    validate: checkMemberPage,
    signal,
  });
  const roleSets = new MemberRoleSets(context.kinds);
  const items = new Array<Member>(data.items.length);
  for (let index = 0; index < data.items.length; index++)
    items[index] = toMember(data.items[index] as (typeof data.items)[number], organizationId, roleSets);
  return data.next === undefined ? { items } : { items, next: data.next };
}

/** Members on Auth0: checkpoint list with inline roles, batched add/remove, a user's organizations. */
export function auth0MembersPort(context: Auth0Context): MemberPort {
  const { http } = context;
  const write = async (
    method: 'POST' | 'DELETE',
    organizationId: string,
    userIds: readonly string[],
    signal?: AbortSignal,
  ) => {
    for (const batch of chunk(userIds, MEMBERS_PER_CALL)) {
      await http.request({
        method,
        path: path`/organizations/${organizationId}/members`,
        json: { members: batch },
        // Adding a member twice or removing one twice is harmless on Auth0.
        idempotent: true,
        signal,
      });
    }
  };
  return {
    list: (organizationId, { cursor, pageSize, signal }) =>
      fetchMemberPage(context, organizationId, cursor, pageSize, signal),
    add: (organizationId, userIds, { signal }) => write('POST', organizationId, userIds, signal),
    remove: (organizationId, userIds, { signal }) => write('DELETE', organizationId, userIds, signal),
    async organizationsOf(userId, { cursor, pageSize, signal }) {
      const page = await fetchOffsetPage(context, {
        path: path`/users/${userId}/organizations`,
        key: 'organizations',
        item: WireOrganization,
        cursor,
        pageSize,
        signal,
        capped: true,
        operation: 'members.organizationsOf',
      });
      return { items: page.items.map(toOrganization), next: page.next };
    },
  };
}
