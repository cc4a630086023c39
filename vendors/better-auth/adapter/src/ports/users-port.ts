import type { UserPort } from '@orgport/core/driver';
import type { BetterAuthContext } from '../better-auth-context.js';

/** Users: Better Auth stores emails in lower case, so a lower-cased lookup ignores case. */
export function betterAuthUsersPort(context: BetterAuthContext): UserPort {
  return {
    findByEmail: (email, { signal }) =>
      context.run(signal, async (auth) => {
        const found = await auth.users.findUserByEmail(email.toLowerCase());
        if (!found) return undefined;
        const { user } = found;
        return {
          id: user.id,
          email: user.email,
          ...(user.name ? { name: user.name } : {}),
          ...(user.image ? { picture: user.image } : {}),
        };
      }),
  };
}
