/**
 * `@orgport/adapter-clerk`: the Clerk Backend API adapter (organizations, memberships,
 * roles, invitations).
 *
 * @packageDocumentation
 */
export * from './clerk-adapter-options.js';
export * from './clerk-capabilities.js';
export * from './clerk-connector.js';
export { clerkOrganizationSlug } from './clerk-input-rules.js';
export * from './clerk-vendor.js';
export { CLERK_VENDOR, createClerkAdapter, DEFAULT_ADMIN_ROLES } from './create-clerk-adapter.js';
