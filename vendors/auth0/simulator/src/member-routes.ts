import { z } from 'zod';
import { type Auth0Context, type Auth0Route, isResponse, organizationOr404 } from './auth0-context.js';
import { auth0Error, invalidBody, userNotFound } from './auth0-errors.js';
import { answerList } from './auth0-paging.js';
import type { Auth0Role, Auth0Store } from './auth0-store.js';

const MembersBody = z.object({ members: z.array(z.string().min(1)).min(1).max(10) }).strict();
const RolesBody = z.object({ roles: z.array(z.string().min(1)).min(1).max(50) }).strict();
const MAX_ROLES_PER_MEMBER = 50;

const renderRole = (role: Auth0Role) => ({ id: role.id, name: role.name, description: role.description });

/** Applies `fields` / `include_fields` to one member object. */
function project(
  member: Record<string, unknown>,
  fields: string[] | undefined,
  include: boolean,
): Record<string, unknown> {
  if (!fields) return member;
  return Object.fromEntries(Object.entries(member).filter(([key]) => fields.includes(key) === include));
}

function memberRoles(store: Auth0Store, organizationId: string, userId: string) {
  return [...store.rolesOf(organizationId, userId)].flatMap((id) => {
    const role = store.roles.get(id);
    return role ? [{ id: role.id, name: role.name }] : [];
  });
}

/** Members, member roles and a user's organizations. */
export function memberRoutes(context: Auth0Context): Auth0Route[] {
  const { store } = context;
  return [
    {
      method: 'GET',
      path: '/api/v2/organizations/:id/members',
      scopes: ['read:organization_members'],
      handler: (request) => {
        const organization = organizationOr404(context, request);
        if (isResponse(organization)) return organization;
        const fieldsParam = request.query.get('fields');
        const fields = fieldsParam ? fieldsParam.split(',').map((f) => f.trim()) : undefined;
        const include = request.query.get('include_fields') !== 'false';
        const wantsRoles = fields !== undefined && include && fields.includes('roles');
        if (wantsRoles && !(request.state.scopes as Set<string>).has('read:organization_member_roles')) {
          return auth0Error(
            403,
            'Insufficient scope, expected any of: read:organization_member_roles',
            'insufficient_scope',
          );
        }
        const listed = store.listedMembers(organization.id, context.memberListLagMs);
        const visibleIds = () => listed.index.keys().filter(listed.visible);
        return answerList(
          request,
          {
            key: 'members',
            checkpoint: true,
            capped: true,
            total: true,
            limit: 'per_page',
            checkpointEnd: 'empty-page',
          },
          {
            count: () => visibleIds().length,
            slice: (start, size) => visibleIds().slice(start, start + size),
            after: (after, size) => {
              const items: string[] = [];
              let cursor = after;
              while (items.length < size) {
                const { keys, last } = listed.index.page(cursor, size - items.length);
                if (keys.length === 0) break;
                items.push(...keys.filter(listed.visible));
                cursor = last;
              }
              return { items, last: cursor, more: listed.index.hasAfter(cursor) };
            },
          },
          context.paging,
          (userId) => {
            const user = store.users.get(userId);
            const member: Record<string, unknown> = {
              user_id: userId,
              email: user?.email,
              picture: user?.picture,
              name: user?.name,
            };
            if (wantsRoles) member.roles = memberRoles(store, organization.id, userId);
            return project(member, fields, include);
          },
        );
      },
    },
    {
      method: 'POST',
      path: '/api/v2/organizations/:id/members',
      scopes: ['create:organization_members'],
      handler: (request) => {
        const organization = organizationOr404(context, request);
        if (isResponse(organization)) return organization;
        const parsed = MembersBody.safeParse(request.body);
        if (!parsed.success) return invalidBody(`'${parsed.error.issues[0]?.message}' on property members.`);
        const unknown = parsed.data.members.filter((id) => !store.users.has(id));
        if (unknown.length > 0) {
          return context.quirks.unknownUserOnAdd === 404
            ? userNotFound()
            : invalidBody(`One or more users do not exist: ${unknown.join(', ')}`);
        }
        for (const userId of parsed.data.members) store.addMember(organization.id, userId);
        return { status: 204 };
      },
    },
    {
      method: 'DELETE',
      path: '/api/v2/organizations/:id/members',
      scopes: ['delete:organization_members'],
      handler: (request) => {
        const organization = organizationOr404(context, request);
        if (isResponse(organization)) return organization;
        const parsed = MembersBody.safeParse(request.body);
        if (!parsed.success) return invalidBody(`'${parsed.error.issues[0]?.message}' on property members.`);
        for (const userId of parsed.data.members) store.removeMember(organization.id, userId);
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      path: '/api/v2/organizations/:id/members/:userId/roles',
      scopes: ['read:organization_member_roles'],
      handler: (request) => {
        const organization = organizationOr404(context, request);
        if (isResponse(organization)) return organization;
        const userId = request.params.userId ?? '';
        if (!store.users.has(userId)) return userNotFound();
        const roles = [...store.rolesOf(organization.id, userId)].flatMap((id) => {
          const role = store.roles.get(id);
          return role ? [role] : [];
        });
        return answerList(
          request,
          { key: 'roles', checkpoint: false, capped: true, total: true, limit: 'per_page' },
          { count: () => roles.length, slice: (start, size) => roles.slice(start, start + size) },
          context.paging,
          renderRole,
        );
      },
    },
    ...(['POST', 'DELETE'] as const).map(
      (method): Auth0Route => ({
        method,
        path: '/api/v2/organizations/:id/members/:userId/roles',
        scopes: [method === 'POST' ? 'create:organization_member_roles' : 'delete:organization_member_roles'],
        handler: (request) => {
          const organization = organizationOr404(context, request);
          if (isResponse(organization)) return organization;
          const userId = request.params.userId ?? '';
          if (!store.users.has(userId)) return userNotFound();
          const parsed = RolesBody.safeParse(request.body);
          if (!parsed.success) return invalidBody(`'${parsed.error.issues[0]?.message}' on property roles.`);
          if (!store.isMember(organization.id, userId) && context.quirks.rolesForNonMember === 404) {
            return auth0Error(404, 'User is not a member of this organization');
          }
          if (parsed.data.roles.some((id) => !store.roles.has(id)))
            return auth0Error(404, 'The role does not exist.');
          const held = store.rolesOf(organization.id, userId);
          if (method === 'POST') {
            const added = parsed.data.roles.filter((id) => !held.has(id));
            if (held.size + added.length > MAX_ROLES_PER_MEMBER) {
              return auth0Error(409, 'No more roles can be assigned to this organization member.');
            }
            for (const id of added) held.add(id);
          } else {
            for (const id of parsed.data.roles) held.delete(id);
          }
          return { status: 204 };
        },
      }),
    ),
    {
      method: 'GET',
      path: '/api/v2/users/:userId/organizations',
      scopes: ['read:organizations'],
      handler: (request) => {
        const userId = request.params.userId ?? '';
        if (!store.users.has(userId)) return userNotFound();
        const ids = store.organizationsOf(userId);
        return answerList(
          request,
          { key: 'organizations', checkpoint: false, capped: true, total: true, limit: 'per_page' },
          { count: () => ids.length, slice: (start, size) => ids.slice(start, start + size) },
          context.paging,
          (id) => ({ ...store.organizations.get(id) }),
        );
      },
    },
  ];
}
