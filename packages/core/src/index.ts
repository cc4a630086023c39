/**
 * `@orgport/core`: the portable API. One `Directory` over organization membership,
 * whichever identity vendor holds it: the facade, the domain model, errors, capabilities
 * and the clock seam. What adapter authors use (ports, HTTP client, paginator, helpers)
 * is `@orgport/core/driver`; migration is `@orgport/migrate`; dependency injection is
 * `@orgport/inversify`.
 *
 * @packageDocumentation
 */
export * from './capabilities/index.js';
export * from './directory/index.js';
export * from './domain/index.js';
export * from './errors/index.js';
export type * from './logging/index.js';
export type * from './pagination/paged-list.js';
export type { Adapter } from './ports/adapter.js';
export type * from './time/clock.js';
export { systemClock } from './time/system-clock.js';
export type * from './tracing/index.js';
