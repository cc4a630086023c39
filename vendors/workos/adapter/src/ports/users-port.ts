import type { UserPort } from '@orgport/core/driver';
import { toUser } from '../wire/workos-mapping.js';
import { WireUserList } from '../wire/workos-wire-schemas.js';
import type { WorkOSContext } from '../workos-context.js';

/**
 * Users by email: the users list filtered by `email`, asked in lower case (WorkOS stores
 * emails lower-cased; its filter, and the emulator's, is exact).
 */
export function workosUsersPort(context: WorkOSContext): UserPort {
  return {
    async findByEmail(email, { signal }) {
      const { data } = await context.http.request({
        method: 'GET',
        path: '/user_management/users',
        query: { email: email.toLowerCase() },
        schema: WireUserList,
        signal,
      });
      const wanted = email.toLowerCase();
      const user = data.data.find((candidate) => candidate.email.toLowerCase() === wanted);
      return user ? toUser(user) : undefined;
    },
  };
}
