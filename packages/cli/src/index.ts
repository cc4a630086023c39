/**
 * `@orgport/cli`: the `orgport` command.
 *
 * @packageDocumentation
 */
export { createProgram } from './program.js';
