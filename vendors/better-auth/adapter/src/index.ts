/**
 * `@orgport/adapter-better-auth`: an adapter over an application's own Better Auth instance
 * and its organization plugin, driven in-process.
 *
 * @packageDocumentation
 */
export * from './better-auth-adapter-options.js';
export * from './better-auth-capabilities.js';
export * from './better-auth-connector.js';
export { BETTER_AUTH_VENDOR } from './better-auth-context.js';
export type { BetterAuthInstance } from './better-auth-instance.js';
export * from './better-auth-vendor.js';
export { createBetterAuthAdapter } from './create-better-auth-adapter.js';
export { findAuthModule, loadAuthModule } from './load-auth-module.js';
