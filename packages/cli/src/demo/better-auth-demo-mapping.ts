import type { RoleMappingInput } from '@orgport/migrate';

/**
 * The demo's mapping from Auth0 organization roles to the Better Auth sample app's roles
 * (same names). `auditor` is left out on purpose, so the loss report has something to say.
 */
export const BETTER_AUTH_DEMO_MAPPING: RoleMappingInput = {
  version: 1,
  unmapped: 'warn',
  rules: [
    { from: { role: 'editor' }, to: [{ role: 'editor' }] },
    { from: { role: 'developer' }, to: [{ role: 'developer' }] },
    { from: { role: 'support' }, to: [{ role: 'support' }] },
    { from: { role: 'viewer' }, to: [{ role: 'viewer' }] },
  ],
};
