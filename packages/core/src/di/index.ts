export * from './directory-module.js';
export * from './tokens.js';
