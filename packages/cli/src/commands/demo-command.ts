import type { Command } from 'commander';
import { EXIT } from '../errors/exit-codes.js';
import { parseCount } from '../options/parse-count.js';

/** `orgport demo`. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('run the whole orgport story on embedded simulators (no account needed)')
    .option('--orgs <n>', 'organizations', '3')
    .option('--members <n>', 'members per organization', '1000')
    .action(async (options: { orgs: string; members: string }, command: Command) => {
      const organizations = parseCount(options.orgs, '--orgs', 1, 50);
      const membersPerOrg = parseCount(options.members, '--members', 2, 20_000);
      const { quiet } = command.optsWithGlobals() as { quiet?: boolean };
      // The demo needs both simulators, faker and the routers: load them only now.
      const { runDemo } = await import('../demo/run-demo.js');
      const result = await runDemo({ organizations, membersPerOrg, quiet });
      if (result.failed > 0 || result.replanned > 0) process.exitCode = EXIT.failure;
    });
}
