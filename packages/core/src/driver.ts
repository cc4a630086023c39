/**
 * `@orgport/core/driver`: what adapter authors use. The ports an adapter implements, the
 * shared HTTP transport (retries, pacing, timeouts, auth, redaction, validation), the
 * paginator and its helpers, verified writes, vendor definitions, validation helpers and
 * the virtual clock for tests. Application code uses `@orgport/core` instead.
 *
 * @packageDocumentation
 */
export * from './http/index.js';
export type * from './logging/index.js';
export * from './mapping/member-kinds.js';
export * from './mapping/string-index.js';
export * from './pagination/chunk.js';
export * from './pagination/cursor-page.js';
export * from './pagination/map-concurrent.js';
export * from './pagination/offset-cap.js';
export * from './pagination/offset-cursor.js';
export * from './pagination/paginate.js';
export type * from './ports/index.js';
export * from './time/index.js';
export type * from './tracing/index.js';
export * from './validation/index.js';
export * from './vendor/index.js';
