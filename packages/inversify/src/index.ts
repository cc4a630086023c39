/**
 * `@orgport/inversify`: inversify modules for orgport. Importing it installs
 * `reflect-metadata`; plain users of `@orgport/core` never load either.
 *
 * @packageDocumentation
 */
export * from './directory-module.js';
export * from './tokens.js';
export * from './vendor-module.js';
