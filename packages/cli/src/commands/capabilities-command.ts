import { AUTH0_CAPABILITIES } from '@orgport/adapter-auth0';
import { CLOUD_ORG_CAPABILITIES } from '@orgport/adapter-cloud-org';
import { type Capabilities, OrgPortError } from '@orgport/core';
import { MEMORY_CAPABILITIES } from '@orgport/testkit/memory';
import type { Command } from 'commander';
import { writeRows } from '../output/write-rows.js';
import { globals } from './command-context.js';

const MANIFESTS: Record<string, Capabilities> = {
  auth0: AUTH0_CAPABILITIES,
  'cloud-org': CLOUD_ORG_CAPABILITIES,
  memory: MEMORY_CAPABILITIES,
};

/** `capabilities <adapter>`: the published manifest, no connection needed. */
export function registerCapabilitiesCommand(program: Command): void {
  program
    .command('capabilities <adapter>')
    .description(`print an adapter's capability manifest (${Object.keys(MANIFESTS).join(', ')})`)
    .action((adapter: string, _options, command: Command) => {
      const manifest = MANIFESTS[adapter];
      if (!manifest)
        throw new OrgPortError(
          'invalid_argument',
          `unknown adapter "${adapter}" (known: ${Object.keys(MANIFESTS).join(', ')})`,
        );
      const { output } = globals(command);
      writeRows(
        process.stdout,
        output,
        Object.entries(manifest).map(([capability, value]) => ({ capability, value: String(value) })),
        [manifest],
      );
    });
}
