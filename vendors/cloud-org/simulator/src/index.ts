export type { CloudOrgQuirks } from './cloud-org-context.js';
export * from './cloud-org-harness.js';
export { seedCloudOrgStore } from './cloud-org-seed.js';
export * from './cloud-org-store.js';
export * from './cloud-org-vendor-simulator.js';
export * from './seed-half-onboarded.js';
export * from './start-cloud-org-simulator.js';
