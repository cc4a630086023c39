import { existsSync } from 'node:fs';
import { OrgPortError } from '@orgport/core/errors';
import type { Command } from 'commander';
import { DEFAULT_CONFIG_FILE } from '../connections/default-config-file.js';
import { assertWritableFile, writeFileAtomic } from '../files/atomic-file.js';
import { parseCount } from '../options/parse-count.js';
import { vendorNamed } from '../vendors/vendors.js';

/** `sim <vendor>`: a seeded local simulator; its connection goes into the config file (the secret is never printed). */
export function registerSimCommand(program: Command): void {
  program
    .command('sim <vendor>')
    .description('start a seeded vendor simulator on 127.0.0.1 and save its connection in the config file')
    .option('--port <port>', 'port (default: any free port)', '0')
    .option('--orgs <n>', 'organizations to seed', '3')
    .option('--members <n>', 'members per organization', '100')
    .option('--seed <n>', 'fixture seed', '1')
    .option('--name <connection>', 'connection name to save (default sim-<vendor>)')
    .action(
      async (
        vendor: string,
        options: { port: string; orgs: string; members: string; seed: string; name?: string },
        command: Command,
      ) => {
        const { config } = command.optsWithGlobals() as { config?: string };
        const port = parseCount(options.port, '--port', 0, 65_535);
        const fixtures = {
          seed: parseCount(options.seed, '--seed', 0, 2 ** 31),
          organizations: parseCount(options.orgs, '--orgs', 0, 1000),
          membersPerOrg: parseCount(options.members, '--members', 0, 100_000),
        };
        const definition = vendorNamed(vendor);
        const name = options.name ?? `sim-${definition.name}`;
        if (!definition.loadSimulator)
          throw new OrgPortError('unsupported', `${definition.name} has no simulator`);
        // Everything that can fail is checked before the simulator starts: a running server
        // would keep the process alive after the error.
        const file = config ?? DEFAULT_CONFIG_FILE;
        assertWritableFile(file, '--config');
        // The config file's connections as every command reads them (a corrupt file is refused);
        // none yet when it does not exist.
        const { readConfig } = await import('../connections/resolve-connection.js');
        const connections = existsSync(file) ? readConfig(file) : new Map<string, Record<string, unknown>>();
        const simulator = await definition.loadSimulator();
        const running = await simulator.start({ fixtures, port });
        const close = running.close;
        try {
          connections.set(name, { vendor: definition.name, ...running.connection });
          // Created 0600 and renamed into place: the secret is never readable by others.
          writeFileAtomic(
            file,
            `${JSON.stringify({ connections: Object.fromEntries(connections) }, null, 2)}\n`,
            0o600,
          );
        } catch (error) {
          await close();
          throw error;
        }
        process.stdout.write(
          `${definition.name} simulator on ${running.url} — saved as connection "${name}" in ${file} (credentials not shown).\n`,
        );
        process.stdout.write(`Try: orgport orgs list --connection ${name}\nCtrl-C to stop.\n`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await close();
      },
    );
}
