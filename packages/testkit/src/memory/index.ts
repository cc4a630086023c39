export * from './create-memory-adapter.js';
export * from './memory-harness.js';
export * from './memory-store.js';
