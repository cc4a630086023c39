export * from './auth0/index.js';
export * from './cloud-org/index.js';
export * from './shared/faults.js';
export * from './shared/request-stats.js';
export * from './shared/seeded-random.js';
export * from './shared/token-bucket.js';
