import type { Command } from 'commander';
import { writeRows } from '../output/write-rows.js';
import { VENDORS, vendorNamed } from '../vendors/vendors.js';
import { globals } from './command-context.js';

/** `capabilities <vendor>`: the published manifest, no connection needed. */
export function registerCapabilitiesCommand(program: Command): void {
  program
    .command('capabilities <vendor>')
    .description(`print a vendor adapter's capability manifest (${[...VENDORS.keys()].join(', ')})`)
    .action(async (name: string, _options, command: Command) => {
      const manifest = vendorNamed(name).capabilities;
      const { output } = globals(command);
      await writeRows(
        process.stdout,
        output,
        Object.entries(manifest).map(([capability, value]) => ({ capability, value: String(value) })),
        [manifest],
      );
    });
}
