/**
 * `@orgport/core`: one API over organization membership, whichever identity vendor holds it.
 *
 * @packageDocumentation
 */
export * from './capabilities/index.js';
export * from './collections/chunk.js';
export * from './di/index.js';
export * from './directory/index.js';
export * from './domain/index.js';
export * from './errors/error-code.js';
export * from './errors/orgport-error.js';
export * from './errors/to-orgport-error.js';
export * from './http/index.js';
export * from './migration/index.js';
export * from './pagination/index.js';
export type * from './ports/index.js';
export * from './time/index.js';
export * from './validation/index.js';
export * from './vendor/index.js';
