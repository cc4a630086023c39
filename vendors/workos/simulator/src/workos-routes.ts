import { randomBytes } from 'node:crypto';
import type { SimRequest, SimResponse, SimRoute } from '@orgport/simulator-kit';
import {
  error,
  invalidParameters,
  invitationBody,
  listPage,
  membershipBody,
  organizationBody,
  roleBody,
  userBody,
} from './workos-format.js';
import type { SimMembership, WorkOSStore } from './workos-store.js';

const STATUSES = new Set(['active', 'inactive', 'pending']);
const DAY_MS = 86_400_000;

const record = (body: unknown): Record<string, unknown> =>
  typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const orgNotFound = (id: string) => error(404, `Organization not found: '${id}'.`);

/**
 * The WorkOS routes the adapter uses, answering as the spec says: organizations (with the
 * external id unique), organization memberships (default `active` only, the `statuses`
 * filter, 404 for an unknown organization, `role_slug` or `role_slugs`, reactivation of an
 * inactive membership on create), users, environment and organization roles, invitations.
 */
export function workosRoutes(store: WorkOSStore, url: () => string): SimRoute[] {
  const organization = (id: string) => store.organizations.get(id);
  const externalIdTaken = (externalId: unknown, except?: string) =>
    typeof externalId === 'string' &&
    [...store.organizations.values()].some((org) => org.external_id === externalId && org.id !== except);

  /** The role slugs of a create or update body, or an error answer. */
  const rolesOf = (
    body: Record<string, unknown>,
    organizationId: string,
  ): string[] | SimResponse | undefined => {
    if ('role_slug' in body && 'role_slugs' in body)
      return invalidParameters('role_slug and role_slugs are mutually exclusive');
    const slugs =
      'role_slugs' in body
        ? Array.isArray(body.role_slugs) && body.role_slugs.every((s) => typeof s === 'string')
          ? (body.role_slugs as string[])
          : undefined
        : 'role_slug' in body
          ? typeof body.role_slug === 'string'
            ? [body.role_slug]
            : undefined
          : null;
    if (slugs === null) return undefined;
    if (slugs === undefined || slugs.length === 0) return invalidParameters('role slugs must be strings');
    if (slugs.length > 1 && !store.multipleRoles)
      return error(422, 'Multiple roles are not enabled for this environment.', 'multiple_roles_not_enabled');
    for (const slug of slugs)
      if (!store.roleApplies(slug, organizationId))
        return error(422, `Role '${slug}' is not a valid role.`, 'invalid_role');
    return [...new Set(slugs)];
  };
  const membershipAnswer = (m: SimMembership, status = 200): SimResponse => ({
    status,
    body: membershipBody(store, m),
  });
  const withMembership = (request: SimRequest, then: (m: SimMembership) => SimResponse): SimResponse => {
    const m = store.memberships.get(request.params.id ?? '');
    return m ? then(m) : error(404, `Organization membership not found: '${request.params.id}'.`);
  };

  return [
    // Organizations
    {
      method: 'GET',
      path: '/organizations',
      handler: ({ query }) => {
        const search = query.get('search')?.toLowerCase();
        const orgs = [...store.organizations.values()].filter(
          (org) => !search || org.name.toLowerCase().includes(search),
        );
        return listPage(query, orgs, organizationBody);
      },
    },
    {
      method: 'POST',
      path: '/organizations',
      handler: ({ body }) => {
        const fields = record(body);
        const name = text(fields.name);
        if (!name) return invalidParameters('name is required');
        if (externalIdTaken(fields.external_id))
          return error(409, `An organization with external_id '${fields.external_id}' already exists.`);
        const org = store.addOrganization({
          name,
          external_id: text(fields.external_id) ?? null,
          metadata: (record(fields.metadata) as Record<string, string>) ?? {},
        });
        return { status: 201, body: organizationBody(org) };
      },
    },
    {
      method: 'GET',
      path: '/organizations/external_id/:external_id',
      handler: ({ params }) => {
        const org = [...store.organizations.values()].find((o) => o.external_id === params.external_id);
        return org ? { status: 200, body: organizationBody(org) } : error(404, 'Organization not found.');
      },
    },
    {
      method: 'GET',
      path: '/organizations/:id',
      handler: ({ params }) => {
        const org = organization(params.id ?? '');
        return org ? { status: 200, body: organizationBody(org) } : orgNotFound(params.id ?? '');
      },
    },
    {
      method: 'PUT',
      path: '/organizations/:id',
      handler: ({ params, body }) => {
        const org = organization(params.id ?? '');
        if (!org) return orgNotFound(params.id ?? '');
        const fields = record(body);
        if ('external_id' in fields && externalIdTaken(fields.external_id, org.id))
          return error(409, `An organization with external_id '${fields.external_id}' already exists.`);
        if ('name' in fields) {
          const name = text(fields.name);
          if (!name) return invalidParameters('name must not be empty');
          org.name = name;
        }
        if ('external_id' in fields) org.external_id = text(fields.external_id) ?? null;
        if ('metadata' in fields) org.metadata = record(fields.metadata) as Record<string, string>;
        org.updated_at = store.now();
        return { status: 200, body: organizationBody(org) };
      },
    },
    {
      method: 'DELETE',
      path: '/organizations/:id',
      handler: ({ params }) => {
        const org = organization(params.id ?? '');
        if (!org) return orgNotFound(params.id ?? '');
        for (const m of [...store.memberships.values()])
          if (m.organization_id === org.id) store.memberships.delete(m.id);
        store.organizations.delete(org.id);
        return { status: 202 };
      },
    },
    // Organization memberships
    {
      method: 'GET',
      path: '/user_management/organization_memberships',
      handler: ({ query }) => {
        const organizationId = query.get('organization_id');
        const userId = query.get('user_id');
        if (!organizationId && !userId)
          return error(
            400,
            'Either user_id or organization_id is required.',
            'missing_user_id_or_organization_id',
          );
        if (organizationId && !organization(organizationId)) return orgNotFound(organizationId);
        const statuses = (query.get('statuses') ?? 'active').split(',').filter(Boolean);
        if (statuses.some((status) => !STATUSES.has(status)))
          return invalidParameters('statuses must be active, inactive or pending');
        const items = [...store.memberships.values()].filter(
          (m) =>
            (!organizationId || m.organization_id === organizationId) &&
            (!userId || m.user_id === userId) &&
            statuses.includes(m.status),
        );
        return listPage(query, items, (m) => membershipBody(store, m));
      },
    },
    {
      method: 'POST',
      path: '/user_management/organization_memberships',
      handler: ({ body }) => {
        const fields = record(body);
        const organizationId = text(fields.organization_id);
        const userId = text(fields.user_id);
        if (!organizationId || !userId) return invalidParameters('organization_id and user_id are required');
        if (!organization(organizationId)) return orgNotFound(organizationId);
        if (!store.users.has(userId)) return error(404, `User not found: '${userId}'.`);
        const roles = rolesOf(fields, organizationId);
        if (roles && !Array.isArray(roles)) return roles;
        const existing = store.membershipOf(organizationId, userId);
        if (existing?.status === 'inactive') {
          // The spec: creating over an inactive membership activates it with the given roles.
          existing.status = 'active';
          if (roles) existing.roles = roles;
          existing.updated_at = store.now();
          return membershipAnswer(existing, 201);
        }
        if (existing)
          return error(
            409,
            'The user is already a member of the organization.',
            'organization_membership_already_exists',
          );
        return membershipAnswer(store.addMembership(organizationId, userId, roles ?? ['member']), 201);
      },
    },
    {
      method: 'GET',
      path: '/user_management/organization_memberships/:id',
      handler: (request) => withMembership(request, (m) => membershipAnswer(m)),
    },
    {
      method: 'PUT',
      path: '/user_management/organization_memberships/:id',
      handler: (request) =>
        withMembership(request, (m) => {
          const roles = rolesOf(record(request.body), m.organization_id);
          if (roles && !Array.isArray(roles)) return roles;
          if (roles) m.roles = roles;
          m.updated_at = store.now();
          return membershipAnswer(m);
        }),
    },
    {
      method: 'DELETE',
      path: '/user_management/organization_memberships/:id',
      handler: (request) =>
        withMembership(request, (m) => {
          store.memberships.delete(m.id);
          return { status: 204 };
        }),
    },
    {
      method: 'PUT',
      path: '/user_management/organization_memberships/:id/deactivate',
      handler: (request) =>
        withMembership(request, (m) => {
          if (m.status === 'pending')
            return error(
              400,
              'A pending organization membership cannot be deactivated. This membership should be deleted instead.',
              'cannot_deactivate_pending_organization_membership',
            );
          m.status = 'inactive';
          return membershipAnswer(m);
        }),
    },
    {
      method: 'PUT',
      path: '/user_management/organization_memberships/:id/reactivate',
      handler: (request) =>
        withMembership(request, (m) => {
          if (m.status === 'pending')
            return error(
              400,
              'A pending organization membership cannot be reactivated. The user needs to accept the invitation instead.',
              'cannot_reactivate_pending_organization_membership',
            );
          m.status = 'active';
          return membershipAnswer(m);
        }),
    },
    // Users
    {
      method: 'GET',
      path: '/user_management/users',
      handler: ({ query }) => {
        const email = query.get('email')?.toLowerCase();
        const organizationId = query.get('organization_id');
        const users = [...store.users.values()].filter(
          (u) =>
            (!email || u.email === email) &&
            (!organizationId || store.membershipOf(organizationId, u.id) !== undefined),
        );
        return listPage(query, users, userBody);
      },
    },
    {
      method: 'POST',
      path: '/user_management/users',
      handler: ({ body }) => {
        const fields = record(body);
        const email = text(fields.email);
        if (!email) return invalidParameters('email is required');
        if ([...store.users.values()].some((u) => u.email === email.toLowerCase()))
          return error(422, 'This email is not available.', 'email_not_available');
        const user = store.addUser({
          email,
          first_name: text(fields.first_name) ?? null,
          last_name: text(fields.last_name) ?? null,
        });
        return { status: 201, body: userBody(user) };
      },
    },
    {
      method: 'GET',
      path: '/user_management/users/:id',
      handler: ({ params }) => {
        const user = store.users.get(params.id ?? '');
        return user ? { status: 200, body: userBody(user) } : error(404, `User not found: '${params.id}'.`);
      },
    },
    {
      method: 'DELETE',
      path: '/user_management/users/:id',
      handler: ({ params }) => {
        if (!store.users.delete(params.id ?? '')) return error(404, `User not found: '${params.id}'.`);
        for (const m of [...store.memberships.values()])
          if (m.user_id === params.id) store.memberships.delete(m.id);
        return { status: 202 };
      },
    },
    // Roles
    {
      method: 'GET',
      path: '/authorization/roles',
      handler: () => ({
        status: 200,
        body: {
          object: 'list',
          data: [...store.roles.values()].filter((r) => r.organization_id === null).map(roleBody),
        },
      }),
    },
    {
      method: 'POST',
      path: '/authorization/roles',
      handler: ({ body }) => {
        const fields = record(body);
        const slug = text(fields.slug);
        const name = text(fields.name);
        if (!slug || !name) return invalidParameters('slug and name are required');
        if ([...store.roles.values()].some((r) => r.slug === slug && r.organization_id === null))
          return error(422, `A role with slug '${slug}' already exists.`, 'role_slug_already_exists');
        return { status: 201, body: roleBody(store.addRole({ slug, name })) };
      },
    },
    {
      method: 'DELETE',
      path: '/authorization/roles/:slug',
      handler: ({ params }) => {
        const role = [...store.roles.values()].find(
          (r) => r.slug === params.slug && r.organization_id === null,
        );
        if (!role) return error(404, `Role not found: '${params.slug}'.`);
        store.roles.delete(role.id);
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      path: '/authorization/organizations/:organizationId/roles',
      handler: ({ params }) => {
        const organizationId = params.organizationId ?? '';
        if (!organization(organizationId)) return orgNotFound(organizationId);
        const roles = [...store.roles.values()].filter(
          (r) => r.organization_id === null || r.organization_id === organizationId,
        );
        return { status: 200, body: { object: 'list', data: roles.map(roleBody) } };
      },
    },
    // Invitations
    {
      method: 'GET',
      path: '/user_management/invitations',
      handler: ({ query }) => {
        const organizationId = query.get('organization_id');
        const email = query.get('email')?.toLowerCase();
        const items = [...store.invitations.values()].filter(
          (i) => (!organizationId || i.organization_id === organizationId) && (!email || i.email === email),
        );
        return listPage(query, items, (i) => invitationBody(url(), i));
      },
    },
    {
      method: 'POST',
      path: '/user_management/invitations',
      handler: ({ body }) => {
        const fields = record(body);
        const email = text(fields.email);
        if (!email) return invalidParameters('email is required');
        const organizationId = text(fields.organization_id) ?? null;
        if (organizationId && !organization(organizationId)) return orgNotFound(organizationId);
        const roleSlug = text(fields.role_slug) ?? null;
        if (roleSlug && (!organizationId || !store.roleApplies(roleSlug, organizationId)))
          return error(422, `Role '${roleSlug}' is not a valid role.`, 'invalid_role');
        const days = typeof fields.expires_in_days === 'number' ? fields.expires_in_days : 7;
        const now = store.now();
        const invitation = {
          id: store.id('invitation'),
          email: email.toLowerCase(),
          state: 'pending' as const,
          organization_id: organizationId,
          role_slug: roleSlug,
          inviter_user_id: text(fields.inviter_user_id) ?? null,
          expires_at: new Date(Date.parse(now) + days * DAY_MS).toISOString(),
          revoked_at: null,
          token: randomBytes(12).toString('hex'),
          created_at: now,
          updated_at: now,
        };
        store.invitations.set(invitation.id, invitation);
        return { status: 201, body: invitationBody(url(), invitation) };
      },
    },
    {
      method: 'GET',
      path: '/user_management/invitations/:id',
      handler: ({ params }) => {
        const invitation = store.invitations.get(params.id ?? '');
        return invitation
          ? { status: 200, body: invitationBody(url(), invitation) }
          : error(404, `Invitation not found: '${params.id}'.`);
      },
    },
    {
      method: 'POST',
      path: '/user_management/invitations/:id/revoke',
      handler: ({ params }) => {
        const invitation = store.invitations.get(params.id ?? '');
        if (!invitation) return error(404, `Invitation not found: '${params.id}'.`);
        if (invitation.state !== 'pending')
          return error(400, `Invitation is ${invitation.state}.`, 'invite_not_pending');
        invitation.state = 'revoked';
        invitation.revoked_at = store.now();
        invitation.updated_at = invitation.revoked_at;
        return { status: 200, body: invitationBody(url(), invitation) };
      },
    },
  ];
}
