export type { Auth0Quirks } from './auth0-context.js';
export * from './auth0-harness.js';
export {
  encodeCursor as encodeAuth0Cursor,
  type PagingOptions as Auth0PagingOptions,
} from './auth0-paging.js';
export { AUTH0_SCOPES } from './auth0-scopes.js';
export { AUTH0_KIND_ROLES, seedAuth0Store } from './auth0-seed.js';
export * from './auth0-store.js';
export * from './auth0-vendor-simulator.js';
export * from './start-auth0-simulator.js';
