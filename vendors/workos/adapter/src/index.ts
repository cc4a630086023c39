/**
 * `@orgport/adapter-workos`: the WorkOS adapter (organizations, organization memberships,
 * roles, invitations).
 *
 * @packageDocumentation
 */

export { createWorkOSAdapter, WORKOS_VENDOR } from './create-workos-adapter.js';
export * from './workos-adapter-options.js';
export * from './workos-capabilities.js';
export * from './workos-connector.js';
export * from './workos-vendor.js';
