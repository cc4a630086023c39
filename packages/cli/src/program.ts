import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { registerCapabilitiesCommand } from './commands/capabilities-command.js';
import { registerDemoCommand } from './commands/demo-command.js';
import { registerDiscoveryCommands } from './commands/discovery-commands.js';
import { registerExportCommand } from './commands/export-command.js';
import { registerFleetCommands } from './commands/fleet-commands.js';
import { registerMappingCommand } from './commands/mapping-command.js';
import { registerMigrationCommands } from './commands/migration-commands.js';
import { registerNewAdapterCommand } from './commands/new-adapter-command.js';
import { registerQueryCommands } from './commands/query-commands.js';
import { registerSimCommand } from './commands/sim-command.js';
import { addHelpExamples } from './help/help-examples.js';
import { OUTPUT_FORMATS } from './output/output-format.js';

/** The CLI's own version, from its package.json (one level above both `src/` and `dist/`). */
function ownVersion(): string {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/** Builds the `orgport` command-line program. */
export function createProgram(): Command {
  const program = new Command('orgport')
    .description('One API over organization membership, whichever identity vendor holds it.')
    .version(ownVersion(), '-V, --version', 'print the version')
    .option(
      '-c, --connection <name>',
      'connection: a name from the config file, or a vendor name such as auth0 or workos (from ORGPORT_* variables)',
    )
    .option('--config <file>', 'config file (default: ./orgport.config.json)')
    .addOption(
      new Option('-o, --output <format>', 'output format of records')
        .choices([...OUTPUT_FORMATS])
        .default('table'),
    )
    .addOption(
      new Option('--timeout <seconds>', 'the longest one vendor call may take, retries included').default(
        '120',
      ),
    )
    .option('-q, --quiet', 'no progress output')
    .option('-v, --verbose', 'error details')
    .option(
      '--log-format <format>',
      'text (lines for people) or json (one record per line on stderr, for worker and migrate)',
      'text',
    )
    .option('--log-level <level>', 'records to log: error, warn, info or debug', 'info')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  registerQueryCommands(program);
  registerDiscoveryCommands(program);
  registerMappingCommand(program);
  registerCapabilitiesCommand(program);
  registerExportCommand(program);
  registerMigrationCommands(program);
  registerFleetCommands(program);
  registerSimCommand(program);
  registerDemoCommand(program);
  registerNewAdapterCommand(program);
  addHelpExamples(program);
  return program;
}
