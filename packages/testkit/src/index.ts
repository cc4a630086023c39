/**
 * `@orgport/testkit`: the conformance suite, the memory reference adapter, vendor
 * simulators, fixtures and nock helpers for orgport adapters.
 *
 * The main entry imports vitest (for the suite). Tools that only need the memory adapter,
 * fixtures or simulators import `@orgport/testkit/memory`, `/fixtures` or `/simulators`,
 * which do not. The nock helpers live in `@orgport/testkit/nock` only: importing nock
 * activates its socket-level interception for the whole process, which no other user of
 * the testkit should pay for.
 *
 * @packageDocumentation
 */
export * from './conformance/index.js';
export * from './memory/index.js';
export * from './simulators/index.js';
