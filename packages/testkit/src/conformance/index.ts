export type * from './conformance-test.js';
export { SUITE_GROUPS } from './conformance-test.js';
export type * from './harness.js';
export * from './run-conformance-suite.js';
export * from './run-conformance-tests.js';
export { type MakeHarness, randomPrefix } from './run-one-test.js';
export type * from './runner.js';
export * from './select-tests.js';
export { unknownId } from './test-context.js';
