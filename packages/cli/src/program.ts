import { Command } from 'commander';
import { registerDemoCommand } from './commands/demo-command.js';

/** Builds the `orgport` command-line program. */
export function createProgram(): Command {
  const program = new Command('orgport')
    .description('One API over organization membership, whichever identity vendor holds it.')
    .showHelpAfterError();
  registerDemoCommand(program);
  return program;
}
