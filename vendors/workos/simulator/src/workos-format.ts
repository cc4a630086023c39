import type { SimResponse } from '@orgport/simulator-kit';
import type {
  SimInvitation,
  SimMembership,
  SimOrganization,
  SimRole,
  SimUser,
  WorkOSStore,
} from './workos-store.js';

// Answers shaped as WorkOS's OpenAPI spec requires (every required field present).

/** `Organization`. */
export const organizationBody = (org: SimOrganization) => ({
  object: 'organization',
  id: org.id,
  name: org.name,
  domains: [],
  metadata: org.metadata,
  external_id: org.external_id,
  created_at: org.created_at,
  updated_at: org.updated_at,
});

/** `UserlandUser`. */
export const userBody = (user: SimUser) => ({
  object: 'user',
  id: user.id,
  first_name: user.first_name,
  last_name: user.last_name,
  profile_picture_url: null,
  email: user.email,
  email_verified: true,
  external_id: null,
  metadata: {},
  last_sign_in_at: null,
  created_at: user.created_at,
  updated_at: user.updated_at,
});

/** `UserlandUserOrganizationMembership`, with `roles` where the environment has several. */
export const membershipBody = (store: WorkOSStore, m: SimMembership) => {
  const user = store.users.get(m.user_id);
  return {
    object: 'organization_membership',
    id: m.id,
    user_id: m.user_id,
    organization_id: m.organization_id,
    status: m.status,
    directory_managed: m.directory_managed,
    organization_name: store.organizations.get(m.organization_id)?.name ?? '',
    custom_attributes: {},
    created_at: m.created_at,
    updated_at: m.updated_at,
    role: { slug: m.roles[0] ?? 'member' },
    ...(store.multipleRoles ? { roles: m.roles.map((slug) => ({ slug })) } : {}),
    ...(user ? { user: userBody(user) } : {}),
  };
};

/** `Role`. */
export const roleBody = (role: SimRole) => ({
  object: 'role',
  id: role.id,
  slug: role.slug,
  name: role.name,
  description: role.description,
  type: role.organization_id === null ? 'EnvironmentRole' : 'OrganizationRole',
  resource_type_slug: 'organization',
  permissions: [],
  created_at: role.created_at,
  updated_at: role.updated_at,
});

/** `UserlandUserInvite`. */
export const invitationBody = (url: string, i: SimInvitation) => ({
  object: 'invitation',
  id: i.id,
  email: i.email,
  state: i.state,
  accepted_at: null,
  revoked_at: i.revoked_at,
  expires_at: i.expires_at,
  organization_id: i.organization_id,
  inviter_user_id: i.inviter_user_id,
  accepted_user_id: null,
  role_slug: i.role_slug,
  created_at: i.created_at,
  updated_at: i.updated_at,
  token: i.token,
  accept_invitation_url: `${url}/invite?token=${i.token}`,
});

/** An error answer: `{ message, code? }`. */
export const error = (status: number, message: string, code?: string): SimResponse => ({
  status,
  body: { message, ...(code ? { code } : {}) },
});

/** A 422 for bad request parameters. */
export const invalidParameters = (message: string) => error(422, message, 'invalid_request_parameters');

/**
 * One page of a list as WorkOS pages it: `limit` 1–100 (default 10), `order` `desc`
 * (default), `asc` or `normal`, and `before`/`after` object ids compared by position in
 * creation order, so a cursor whose object was deleted still works.
 */
export function listPage<T extends { id: string }>(
  query: URLSearchParams,
  items: readonly T[],
  body: (item: T) => unknown,
): SimResponse {
  const limitText = query.get('limit');
  const limit = limitText === null ? 10 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    return invalidParameters('limit must be an integer between 1 and 100');
  const order = query.get('order') ?? 'desc';
  if (!['asc', 'desc', 'normal'].includes(order))
    return invalidParameters('order must be asc, desc or normal');
  const ascending = order === 'asc';
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (!ascending) sorted.reverse();
  const after = query.get('after');
  const before = query.get('before');
  const comesAfter = (id: string, cursor: string) => (ascending ? id > cursor : id < cursor);
  let window = sorted;
  let fromEnd = false;
  if (after) window = window.filter((item) => comesAfter(item.id, after));
  else if (before) {
    window = window.filter((item) => comesAfter(before, item.id));
    fromEnd = true;
  }
  const page = fromEnd ? window.slice(Math.max(0, window.length - limit)) : window.slice(0, limit);
  const first = page[0];
  const last = page[page.length - 1];
  const moreAfter = last !== undefined && sorted.some((item) => comesAfter(item.id, last.id));
  const moreBefore = first !== undefined && sorted.some((item) => comesAfter(first.id, item.id));
  return {
    status: 200,
    body: {
      object: 'list',
      data: page.map(body),
      list_metadata: {
        before: moreBefore ? (first?.id ?? null) : null,
        after: moreAfter ? (last?.id ?? null) : null,
      },
    },
  };
}
