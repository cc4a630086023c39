export * from './apply-migration.js';
export * from './load-snapshot.js';
export * from './map-member.js';
export * from './migration-journal.js';
export type * from './migration-plan.js';
export * from './plan-migration.js';
export * from './role-mapping.js';
export * from './snapshot-schema.js';
export * from './take-snapshot.js';
