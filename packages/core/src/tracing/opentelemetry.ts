/**
 * `@orgport/core/opentelemetry`: orgport's traces as OpenTelemetry spans. The only entry
 * that imports `@opentelemetry/api` (an optional peer dependency): install it to use this.
 *
 * @packageDocumentation
 */
export * from './opentelemetry-tracer.js';
