/**
 * `@orgport/cli`: the `orgport` command.
 *
 * @packageDocumentation
 */

export { DEMO_MAPPING } from './demo/demo-mapping.js';
export { runDemo } from './demo/run-demo.js';
export { EXIT } from './errors/exit-codes.js';
export { createProgram } from './program.js';
