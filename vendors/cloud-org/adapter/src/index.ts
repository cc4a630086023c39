/**
 * `@orgport/adapter-cloud-org`: the product / permission-group management API adapter
 * (ConfigCat's Public Management API shape).
 *
 * @packageDocumentation
 */
export * from './cloud-org-adapter-options.js';
export * from './cloud-org-capabilities.js';
export * from './cloud-org-connector.js';
export * from './cloud-org-vendor.js';
export { CLOUD_ORG_VENDOR, type CloudOrgAdapter, createCloudOrgAdapter } from './create-cloud-org-adapter.js';
