/**
 * `@orgport/simulator-workos`: a small simulator of the WorkOS organization-membership API
 * held to WorkOS's OpenAPI spec (for what the official emulator does not do: several roles,
 * rate limits, pagination edges, the `statuses` filter, `not_found` for an unknown
 * organization), and a conformance harness for any WorkOS-shaped API.
 *
 * @packageDocumentation
 */
export * from './start-workos-simulator.js';
export * from './start-workos-target.js';
export * from './workos-api-client.js';
export * from './workos-harness.js';
export * from './workos-store.js';
export * from './workos-target.js';
export * from './workos-vendor-simulator.js';
