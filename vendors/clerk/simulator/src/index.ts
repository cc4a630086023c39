/**
 * `@orgport/simulator-clerk`: a small simulator of Clerk's Backend API, held to the
 * published spec, and the conformance harness for Clerk-shaped servers.
 *
 * @packageDocumentation
 */
export * from './clerk-harness.js';
export * from './clerk-render.js';
export * from './clerk-store.js';
export * from './clerk-vendor-simulator.js';
export * from './start-clerk-simulator.js';
