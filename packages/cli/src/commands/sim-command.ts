import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { OrgPortError } from '@orgport/core/errors';
import type { Command } from 'commander';
import { DEFAULT_CONFIG_FILE } from '../connections/default-config-file.js';
import { vendorNamed } from '../vendors/vendor-registry.js';

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
        const numbers = Object.fromEntries(
          ['port', 'orgs', 'members', 'seed'].map((key) => [key, Number(options[key as 'port'])]),
        );
        for (const [key, value] of Object.entries(numbers)) {
          if (!Number.isInteger(value) || value < 0)
            throw new OrgPortError('invalid_argument', `--${key} must be a non-negative integer`);
        }
        const fixtures = {
          seed: numbers.seed as number,
          organizations: numbers.orgs as number,
          membersPerOrg: numbers.members as number,
        };
        const definition = vendorNamed(vendor);
        const name = options.name ?? `sim-${definition.name}`;
        if (!definition.loadSimulator)
          throw new OrgPortError('unsupported', `${definition.name} has no simulator`);
        const simulator = await definition.loadSimulator();
        const running = await simulator.start({ fixtures, port: numbers.port as number });
        const connection = { vendor: definition.name, ...running.connection };
        const close = running.close;
        const file = config ?? DEFAULT_CONFIG_FILE;
        const current = existsSync(file)
          ? (JSON.parse(readFileSync(file, 'utf8')) as { connections?: Record<string, unknown> })
          : {};
        writeFileSync(
          file,
          `${JSON.stringify({ ...current, connections: { ...current.connections, [name]: connection } }, null, 2)}\n`,
        );
        chmodSync(file, 0o600);
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
