/**
 * `@orgport/adapter-vendor-template`: the VendorTemplate adapter.
 *
 * @packageDocumentation
 */
export * from './create-vendor-template-adapter.js';
export * from './vendor-template-capabilities.js';
export * from './vendor-template-connector.js';
export * from './vendor-template-vendor.js';
