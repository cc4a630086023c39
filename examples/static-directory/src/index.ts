/**
 * Worked example of `docs/writing-an-adapter.md`.
 *
 * @packageDocumentation
 */
export type * from './directory-document.js';
export * from './static-directory-adapter.js';
