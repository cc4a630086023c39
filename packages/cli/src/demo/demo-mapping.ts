import type { RoleMappingInput } from '@orgport/migrate';

/**
 * The demo's mapping from Auth0 organization roles to cloud-org product groups. `auditor`
 * is deliberately left out, so the loss report has something to say.
 */
export const DEMO_MAPPING: RoleMappingInput = {
  version: 1,
  unmapped: 'warn',
  rules: [
    { from: { role: 'editor' }, to: [{ product: '*', group: 'Developers' }] },
    { from: { role: 'developer' }, to: [{ product: '*', group: 'Developers' }] },
    { from: { role: 'support' }, to: [{ product: '*', group: 'Release managers' }] },
    { from: { role: 'viewer' }, to: [{ product: '*', group: 'Viewers' }] },
  ],
};
