/**
 * `@orgport/adapter-auth0`: the Auth0 Management API v2 (Organizations) adapter.
 *
 * @packageDocumentation
 */
export * from './auth0-adapter-options.js';
export * from './auth0-capabilities.js';
export * from './auth0-connector.js';
export { auth0OrganizationName } from './auth0-input-rules.js';
export * from './auth0-vendor.js';
export {
  AUTH0_VENDOR,
  type Auth0Adapter,
  createAuth0Adapter,
  DEFAULT_ROLE_KINDS,
} from './create-auth0-adapter.js';
