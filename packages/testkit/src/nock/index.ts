export * from './nock-vendor.js';
export * from './promise-with-resolvers.js';
