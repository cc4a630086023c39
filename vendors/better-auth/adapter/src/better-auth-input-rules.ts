import type { InputRules } from '@orgport/core/driver';
import { type BetterAuthContext, staticRoles } from './better-auth-context.js';

/**
 * What this app refuses before any write (checked by the facade, and by the planner so a
 * plan holds only what applies): granting billing managers when the app defines no billing
 * manager role, and deleting organizations when the app disables it. Known once the app's
 * instance is resolved (the first call resolves it).
 */
export function betterAuthInputRules(context: BetterAuthContext): InputRules {
  return {
    check(operation) {
      const auth = context.resolved();
      if (!auth) return undefined;
      if (operation === 'billingManagers.grant' && auth.options.dynamicAccessControl?.enabled !== true) {
        const [role] = auth.classes.billingManager;
        if (!role || !staticRoles(auth.options).has(role))
          return `the app defines no billing manager role${role ? ` named ${role}` : ''} (add it to organization({ roles }) or set roleKinds.billingManager)`;
      }
      if (operation === 'organizations.delete' && auth.options.disableOrganizationDeletion)
        return 'the app disables organization deletion';
      return undefined;
    },
  };
}
