/**
 * `@orgport/testkit`: the conformance suite, the memory reference adapter, vendor
 * simulators, fixtures and nock helpers for orgport adapters.
 *
 * @packageDocumentation
 */
export * from './memory/index.js';
