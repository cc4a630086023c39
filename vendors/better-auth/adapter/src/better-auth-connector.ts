import type { VendorConnector } from '@orgport/core/driver';
import { z } from 'zod';
import { createBetterAuthAdapter } from './create-better-auth-adapter.js';
import { loadAuthModule } from './load-auth-module.js';

/** Better Auth connection settings as a config file or the environment gives them. */
export const BetterAuthConnectionSchema = z
  .object({
    /** The module that exports the app's `auth` (default: found like Better Auth's CLI finds it). */
    config: z.string().min(1).optional(),
    /** The user recorded as the inviter of invitations orgport creates. */
    inviterId: z.string().min(1).optional(),
    roleKinds: z
      .object({
        admin: z.array(z.string().min(1)).min(1).optional(),
        billingManager: z.array(z.string().min(1)).min(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Better Auth connection settings; see {@link BetterAuthConnectionSchema}. */
export type BetterAuthConnection = z.infer<typeof BetterAuthConnectionSchema>;

/**
 * The Better Auth adapter's code as the vendor registry loads it: the app's module is
 * imported on the adapter's first call (a module that cannot be loaded fails that call
 * with `invalid_argument` naming the file).
 */
export const betterAuthConnector: VendorConnector<BetterAuthConnection> = {
  connectionSchema: BetterAuthConnectionSchema,
  create(settings) {
    const auth = loadAuthModule(settings.config);
    // Reported by the first call that awaits it; never an unhandled rejection meanwhile.
    auth.catch(() => undefined);
    return createBetterAuthAdapter({ auth, inviterId: settings.inviterId, roleKinds: settings.roleKinds });
  },
};
