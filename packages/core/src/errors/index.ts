export * from './error-code.js';
export * from './orgport-error.js';
export * from './to-orgport-error.js';
