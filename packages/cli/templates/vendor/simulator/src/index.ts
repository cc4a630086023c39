/**
 * `@orgport/simulator-vendor-template`: a fake VendorTemplate on 127.0.0.1 and its
 * conformance harness.
 *
 * @packageDocumentation
 */
export * from './start-vendor-template-simulator.js';
export * from './vendor-template-harness.js';
export * from './vendor-template-store.js';
export * from './vendor-template-vendor-simulator.js';
