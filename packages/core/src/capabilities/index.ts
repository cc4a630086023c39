export type * from './capabilities.js';
export * from './define-capabilities.js';
export * from './graded-capabilities.js';
export * from './has-capability.js';
export * from './operations.js';
export * from './require-capabilities.js';
