export * from './load-optional-simulator.js';
export type * from './vendor-definition.js';
