/**
 * `@orgport/cli`: the `orgport` command.
 *
 * @packageDocumentation
 */
export { runDemo } from './demo/run-demo.js';
export { EXIT } from './errors/exit-codes.js';
export { createProgram } from './program.js';
