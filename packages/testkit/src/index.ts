/**
 * `@orgport/testkit`: the conformance suite, the memory reference adapter, vendor
 * simulators, fixtures and nock helpers for orgport adapters.
 *
 * The main entry imports vitest (for the suite). Tools that only need the memory adapter
 * import `@orgport/testkit/memory`, which does not.
 *
 * @packageDocumentation
 */
export * from './conformance/index.js';
export * from './fixtures/index.js';
export * from './memory/index.js';
export * from './nock/index.js';
export * from './simulators/index.js';
