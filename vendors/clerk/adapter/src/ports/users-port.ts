import type { UserPort } from '@orgport/core/driver';
import type { ClerkContext } from '../clerk-context.js';
import { WireUsers } from '../wire/clerk-wire-schemas.js';

/** Users: one look-up by email address (`GET /users?email_address=`). */
export function clerkUsersPort(context: ClerkContext): UserPort {
  return {
    async findByEmail(email, { signal }) {
      const { data } = await context.http.request({
        method: 'GET',
        path: '/users',
        query: { email_address: [email], limit: 2 },
        schema: WireUsers,
        signal,
      });
      const wanted = email.toLowerCase();
      const user = data.find((candidate) =>
        (candidate.email_addresses ?? []).some((address) => address.email_address.toLowerCase() === wanted),
      );
      if (!user) return undefined;
      const name = [user.first_name, user.last_name].filter((part) => part).join(' ');
      const primary =
        user.email_addresses?.find((address) => address.id === user.primary_email_address_id)
          ?.email_address ?? email;
      return { id: user.id, email: primary, ...(name ? { name } : {}) };
    },
  };
}
