import type { Auth0Context, Auth0Route } from './auth0-context.js';
import { auth0Error, invalidQuery, userNotFound } from './auth0-errors.js';
import { answerList } from './auth0-paging.js';
import type { Auth0Role } from './auth0-store.js';

/** The user and role lookups organization work depends on. */
export function directoryRoutes(context: Auth0Context): Auth0Route[] {
  const { store } = context;
  return [
    {
      method: 'GET',
      path: '/api/v2/users/:userId',
      scopes: ['read:users'],
      handler: (request) => {
        const user = store.users.get(request.params.userId ?? '');
        return user ? { status: 200, body: { ...user } } : userNotFound();
      },
    },
    {
      method: 'GET',
      path: '/api/v2/users-by-email',
      scopes: ['read:users'],
      handler: (request) => {
        const email = request.query.get('email');
        if (!email) return invalidQuery("'Missing required property: email'");
        const wanted = email.toLowerCase();
        return {
          status: 200,
          body: [...store.users.values()].filter((user) => user.email.toLowerCase() === wanted),
        };
      },
    },
    {
      method: 'GET',
      path: '/api/v2/roles',
      scopes: ['read:roles'],
      handler: (request) => {
        const filter = request.query.get('name_filter')?.toLowerCase();
        const roles = [...store.roles.values()].filter(
          (role) => !filter || role.name.toLowerCase().includes(filter),
        );
        return answerList(
          request,
          { key: 'roles', checkpoint: false, capped: true, total: true, limit: 'per_page' },
          { count: () => roles.length, slice: (start, size) => roles.slice(start, start + size) },
          context.paging,
          (role: Auth0Role) => ({ ...role }),
        );
      },
    },
    {
      method: 'GET',
      path: '/api/v2/roles/:roleId',
      scopes: ['read:roles'],
      handler: (request) => {
        const role = store.roles.get(request.params.roleId ?? '');
        return role ? { status: 200, body: { ...role } } : auth0Error(404, 'The role does not exist.');
      },
    },
  ];
}
