import type { UserPort } from '@orgport/core/driver';
import { z } from 'zod';
import type { Auth0Context } from '../auth0-context.js';

const WireUsers = z.array(
  z.object({
    user_id: z.string(),
    email: z.string().nullish(),
    name: z.string().nullish(),
    picture: z.string().nullish(),
  }),
);

/** Users on Auth0: `GET /users-by-email` (scope `read:users`). */
export function auth0UsersPort(context: Auth0Context): UserPort {
  return {
    async findByEmail(email, { signal }) {
      const { data } = await context.http.request({
        method: 'GET',
        path: '/users-by-email',
        query: { email },
        schema: WireUsers,
        signal,
      });
      const [user] = data;
      if (!user) return undefined;
      return {
        id: user.user_id,
        ...(user.email ? { email: user.email } : {}),
        ...(user.name ? { name: user.name } : {}),
        ...(user.picture ? { picture: user.picture } : {}),
      };
    },
  };
}
