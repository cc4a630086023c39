import type { SimRequest, SimResponse, SimRoute } from '@orgport/simulator-kit';
import {
  clerkErrors,
  renderInvitation,
  renderMembership,
  renderOrganization,
  renderRole,
  renderUser,
} from './clerk-render.js';
import type { ClerkStore, SimMembership, SimOrganization } from './clerk-store.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const ok = (body: unknown): SimResponse => ({ status: 200, body });
const fail = (status: number, code: string, message: string): SimResponse => ({
  status,
  body: clerkErrors(code, message),
});
// Error codes: the spec names no codes for these answers. `resource_not_found` and the
// 422 for invalid parameters follow the spec's response kinds; the codes for a taken slug
// (`form_identifier_exists`), a second membership (`already_a_member_in_organization`) and an
// unknown role (422 `form_param_value_invalid`) are assumptions, unconfirmed against Clerk.
const notFound = (what: string) => fail(404, 'resource_not_found', `${what} not found`);
const invalid = (message: string) => fail(422, 'form_param_value_invalid', message);

/** `limit` (1–500, default 10) and `offset` (≥ 0, default 0), or the spec's 422. */
function paging(request: SimRequest): { limit: number; offset: number } | SimResponse {
  const limitText = request.query.get('limit');
  const offsetText = request.query.get('offset');
  const limit = limitText === null ? 10 : Number(limitText);
  const offset = offsetText === null ? 0 : Number(offsetText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) return invalid('limit must be between 1 and 500');
  if (!Number.isInteger(offset) || offset < 0) return invalid('offset must be 0 or more');
  return { limit, offset };
}

const isResponse = (value: unknown): value is SimResponse =>
  typeof value === 'object' && value !== null && 'status' in value;

/** One offset page in the spec's `{ data, total_count }` shape. */
function page<T>(request: SimRequest, items: readonly T[], render: (item: T) => unknown): SimResponse {
  const bounds = paging(request);
  if (isResponse(bounds)) return bounds;
  return ok({
    data: items.slice(bounds.offset, bounds.offset + bounds.limit).map(render),
    total_count: items.length,
  });
}

/** Orders by `order_by` (`created_at` ascending with `+` or no sign, descending with `-`; default newest first). */
function ordered<T extends { readonly createdAt: number }>(items: T[], orderBy: string | null): T[] {
  const descending = orderBy === null || orderBy.startsWith('-');
  return items.sort((a, b) => (descending ? b.createdAt - a.createdAt : a.createdAt - b.createdAt));
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** Merges metadata as the API does: a null value removes its key. */
function merge(into: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out = new Map(Object.entries(into));
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) out.delete(key);
    else out.set(key, value);
  }
  return Object.fromEntries(out);
}

/** The Backend API routes the simulator serves (under `/v1`). */
export function clerkRoutes(store: ClerkStore): SimRoute[] {
  const membershipBody = (membership: SimMembership, org: SimOrganization) =>
    renderMembership(membership, org, store.users.get(membership.userId), store.roles.get(membership.role));
  const organizationOr404 = (request: SimRequest) => {
    const org = store.organizations.get(request.params.organizationId ?? '');
    return org ?? notFound('Organization');
  };
  const membersOf = (org: SimOrganization) => [...(store.memberships.get(org.id)?.values() ?? [])];

  return [
    {
      method: 'GET',
      path: '/v1/organizations',
      handler: (request) => {
        const query = request.query.get('query')?.toLowerCase();
        const wanted = request.query.getAll('user_id');
        let orgs = [...store.organizations.values()];
        if (query)
          orgs = orgs.filter(
            (o) => o.id === query || o.name.toLowerCase().includes(query) || o.slug.includes(query),
          );
        if (wanted.length > 0)
          orgs = orgs.filter((o) => wanted.some((id) => store.memberships.get(o.id)?.has(id)));
        return page(request, ordered(orgs, request.query.get('order_by')), (org) => renderOrganization(org));
      },
    },
    {
      method: 'POST',
      path: '/v1/organizations',
      handler: (request) => {
        const body = record(request.body);
        if (typeof body.name !== 'string' || body.name === '' || body.name.length > 256)
          return invalid('name is required (at most 256 characters)');
        const slug =
          typeof body.slug === 'string'
            ? body.slug
            : body.name
                .toLowerCase()
                .replace(/[^a-z0-9]+/g, '-')
                .replace(/^-|-$/g, '');
        if (!SLUG.test(slug)) return invalid('slug may contain lowercase letters, digits and "-"');
        if ([...store.organizations.values()].some((o) => o.slug === slug))
          return fail(400, 'form_identifier_exists', 'That slug is taken. Please try another.');
        const org = store.addOrganization({
          name: body.name,
          slug,
          privateMetadata: record(body.private_metadata),
        });
        if (typeof body.created_by === 'string' && store.users.has(body.created_by))
          store.addMembership(org.id, body.created_by, 'org:admin');
        return ok(renderOrganization(org));
      },
    },
    {
      method: 'GET',
      path: '/v1/organizations/:organizationId',
      handler: (request) => {
        const org = store.organization(request.params.organizationId ?? '');
        return org ? ok(renderOrganization(org, membersOf(org).length)) : notFound('Organization');
      },
    },
    {
      method: 'PATCH',
      path: '/v1/organizations/:organizationId',
      handler: (request) => {
        const org = organizationOr404(request);
        if (isResponse(org)) return org;
        const body = record(request.body);
        if ('public_metadata' in body || 'private_metadata' in body)
          return fail(400, 'request_body_invalid', 'metadata is updated through /metadata since 2026-05-12');
        if (typeof body.slug === 'string') {
          if (!SLUG.test(body.slug)) return invalid('slug may contain lowercase letters, digits and "-"');
          if ([...store.organizations.values()].some((o) => o.slug === body.slug && o.id !== org.id))
            return fail(400, 'form_identifier_exists', 'That slug is taken. Please try another.');
          org.slug = body.slug;
        }
        if (typeof body.name === 'string') org.name = body.name;
        org.updatedAt = store.now();
        return ok(renderOrganization(org));
      },
    },
    {
      method: 'PATCH',
      path: '/v1/organizations/:organizationId/metadata',
      handler: (request) => {
        const org = organizationOr404(request);
        if (isResponse(org)) return org;
        const body = record(request.body);
        if (body.public_metadata !== undefined)
          org.publicMetadata = merge(org.publicMetadata, record(body.public_metadata));
        if (body.private_metadata !== undefined)
          org.privateMetadata = merge(org.privateMetadata, record(body.private_metadata));
        org.updatedAt = store.now();
        return ok(renderOrganization(org));
      },
    },
    {
      method: 'DELETE',
      path: '/v1/organizations/:organizationId',
      handler: (request) => {
        const org = organizationOr404(request);
        if (isResponse(org)) return org;
        store.deleteOrganization(org.id);
        return ok({ object: 'organization', id: org.id, slug: org.slug, deleted: true });
      },
    },
    {
      method: 'GET',
      path: '/v1/organizations/:organizationId/memberships',
      handler: (request) => {
        const org = organizationOr404(request);
        if (isResponse(org)) return org;
        const users = request.query.getAll('user_id');
        const roles = request.query.getAll('role');
        let members = membersOf(org);
        if (users.length > 0) members = members.filter((m) => users.includes(m.userId));
        if (roles.length > 0) members = members.filter((m) => roles.includes(m.role));
        return page(request, ordered(members, request.query.get('order_by')), (m) => membershipBody(m, org));
      },
    },
    {
      method: 'POST',
      path: '/v1/organizations/:organizationId/memberships',
      handler: (request) => {
        const org = organizationOr404(request);
        if (isResponse(org)) return org;
        const body = record(request.body);
        if (typeof body.user_id !== 'string' || typeof body.role !== 'string')
          return invalid('user_id and role are required');
        if (!store.users.has(body.user_id)) return notFound('User');
        if (!store.roles.has(body.role)) return invalid(`role ${body.role} does not exist`);
        if (store.memberships.get(org.id)?.has(body.user_id))
          return fail(400, 'already_a_member_in_organization', 'already a member of the organization');
        return ok(membershipBody(store.addMembership(org.id, body.user_id, body.role), org));
      },
    },
    {
      method: 'PATCH',
      path: '/v1/organizations/:organizationId/memberships/:userId',
      handler: (request) => {
        const org = organizationOr404(request);
        if (isResponse(org)) return org;
        const membership = store.memberships.get(org.id)?.get(request.params.userId ?? '');
        if (!membership) return notFound('Membership');
        const role = record(request.body).role;
        if (typeof role !== 'string') return invalid('role is required');
        if (!store.roles.has(role)) return invalid(`role ${role} does not exist`);
        membership.role = role;
        membership.updatedAt = store.now();
        return ok(membershipBody(membership, org));
      },
    },
    {
      method: 'DELETE',
      path: '/v1/organizations/:organizationId/memberships/:userId',
      handler: (request) => {
        const org = organizationOr404(request);
        if (isResponse(org)) return org;
        const members = store.memberships.get(org.id);
        const membership = members?.get(request.params.userId ?? '');
        if (!membership) return notFound('Membership');
        members?.delete(membership.userId);
        return ok(membershipBody(membership, org));
      },
    },
    {
      method: 'GET',
      path: '/v1/organization_memberships',
      handler: (request) => {
        const all = [...store.organizations.values()].flatMap((org) =>
          membersOf(org).map((m) => ({ m, org })),
        );
        return page(
          request,
          all
            .sort((a, b) => a.m.createdAt - b.m.createdAt)
            .map(({ m, org }) => ({ createdAt: m.createdAt, m, org })),
          ({ m, org }) => membershipBody(m, org),
        );
      },
    },
    {
      method: 'GET',
      path: '/v1/users/:userId/organization_memberships',
      handler: (request) => {
        const userId = request.params.userId ?? '';
        if (!store.users.has(userId)) return notFound('User');
        const mine = [...store.organizations.values()].flatMap((org) => {
          const membership = store.memberships.get(org.id)?.get(userId);
          return membership ? [{ createdAt: membership.createdAt, membership, org }] : [];
        });
        return page(request, ordered(mine, null), ({ membership, org }) => membershipBody(membership, org));
      },
    },
    {
      method: 'GET',
      path: '/v1/users',
      handler: (request) => {
        const bounds = paging(request);
        if (isResponse(bounds)) return bounds;
        const emails = request.query.getAll('email_address').map((email) => email.toLowerCase());
        let users = [...store.users.values()];
        if (emails.length > 0) users = users.filter((user) => emails.includes(user.email.toLowerCase()));
        return ok(
          ordered(users, request.query.get('order_by'))
            .slice(bounds.offset, bounds.offset + bounds.limit)
            .map(renderUser),
        );
      },
    },
    {
      method: 'GET',
      path: '/v1/users/:userId',
      handler: (request) => {
        const user = store.users.get(request.params.userId ?? '');
        return user ? ok(renderUser(user)) : notFound('User');
      },
    },
    {
      method: 'POST',
      path: '/v1/users',
      handler: (request) => {
        const body = record(request.body);
        const email = Array.isArray(body.email_address) ? body.email_address[0] : undefined;
        if (typeof email !== 'string') return invalid('email_address is required');
        if ([...store.users.values()].some((user) => user.email.toLowerCase() === email.toLowerCase()))
          return fail(422, 'form_identifier_exists', 'That email address is taken.');
        const user = store.addUser({
          email,
          firstName: typeof body.first_name === 'string' ? body.first_name : null,
          lastName: typeof body.last_name === 'string' ? body.last_name : null,
        });
        return ok(renderUser(user));
      },
    },
    {
      method: 'GET',
      path: '/v1/organization_roles',
      handler: (request) =>
        page(request, ordered([...store.roles.values()], request.query.get('order_by')), renderRole),
    },
    {
      method: 'POST',
      path: '/v1/organization_roles',
      handler: (request) => {
        const body = record(request.body);
        if (typeof body.name !== 'string' || typeof body.key !== 'string' || !body.key.startsWith('org:'))
          return invalid('name and an org: key are required');
        if (store.roles.has(body.key)) return fail(400, 'duplicate_record', `role ${body.key} exists`);
        const permissions = Array.isArray(body.permissions)
          ? body.permissions.filter((p) => typeof p === 'string')
          : [];
        const description = typeof body.description === 'string' ? body.description : null;
        return ok(renderRole(store.addRole(body.key, body.name, permissions, description)));
      },
    },
    {
      method: 'GET',
      path: '/v1/organizations/:organizationId/invitations',
      handler: (request) => {
        const org = organizationOr404(request);
        if (isResponse(org)) return org;
        const statuses = request.query.getAll('status');
        const invitations = [...store.invitations.values()].filter(
          (i) => i.organizationId === org.id && (statuses.length === 0 || statuses.includes(i.status)),
        );
        return page(request, ordered(invitations, request.query.get('order_by')), (i) =>
          renderInvitation(i, store.roles.get(i.role)),
        );
      },
    },
    {
      method: 'POST',
      path: '/v1/organizations/:organizationId/invitations',
      handler: (request) => {
        const org = organizationOr404(request);
        if (isResponse(org)) return org;
        const body = record(request.body);
        if (typeof body.email_address !== 'string' || typeof body.role !== 'string')
          return invalid('email_address and role are required');
        if (!store.roles.has(body.role)) return invalid(`role ${body.role} does not exist`);
        const days = typeof body.expires_in_days === 'number' ? body.expires_in_days : 30;
        if (!Number.isInteger(days) || days < 1 || days > 365)
          return invalid('expires_in_days must be 1–365');
        const invitation = store.addInvitation(org.id, body.email_address, body.role, days);
        return ok(renderInvitation(invitation, store.roles.get(invitation.role)));
      },
    },
    {
      method: 'POST',
      path: '/v1/organizations/:organizationId/invitations/bulk',
      handler: (request) => {
        const org = organizationOr404(request);
        if (isResponse(org)) return org;
        if (!Array.isArray(request.body) || request.body.length < 1 || request.body.length > 10)
          return invalid('between 1 and 10 invitations per call');
        const specs = request.body.map(record);
        for (const spec of specs) {
          if (
            typeof spec.email_address !== 'string' ||
            typeof spec.role !== 'string' ||
            !store.roles.has(spec.role)
          )
            return invalid('each invitation needs an email_address and an existing role');
        }
        const made = specs.map((spec) =>
          store.addInvitation(org.id, spec.email_address as string, spec.role as string),
        );
        return ok({
          data: made.map((i) => renderInvitation(i, store.roles.get(i.role))),
          total_count: made.length,
        });
      },
    },
    {
      method: 'GET',
      path: '/v1/organizations/:organizationId/invitations/:invitationId',
      handler: (request) => {
        const org = organizationOr404(request);
        if (isResponse(org)) return org;
        const invitation = store.invitations.get(request.params.invitationId ?? '');
        if (!invitation || invitation.organizationId !== org.id) return notFound('Invitation');
        return ok(renderInvitation(invitation, store.roles.get(invitation.role)));
      },
    },
    {
      method: 'POST',
      path: '/v1/organizations/:organizationId/invitations/:invitationId/revoke',
      handler: (request) => {
        const org = organizationOr404(request);
        if (isResponse(org)) return org;
        const invitation = store.invitations.get(request.params.invitationId ?? '');
        if (!invitation || invitation.organizationId !== org.id) return notFound('Invitation');
        if (invitation.status !== 'pending')
          return fail(400, 'organization_invitation_not_pending', 'not pending');
        invitation.status = 'revoked';
        invitation.updatedAt = store.now();
        return ok(renderInvitation(invitation, store.roles.get(invitation.role)));
      },
    },
  ];
}
