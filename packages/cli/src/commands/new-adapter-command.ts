import type { Command } from 'commander';

/** `new-adapter <name>`: a new vendor folder that passes the conformance suite as generated. */
export function registerNewAdapterCommand(program: Command): void {
  program
    .command('new-adapter <name>')
    .description('create vendors/<name>/ (adapter, fake vendor, conformance wiring) in this repository')
    .option('--root <dir>', 'repository root (default: the nearest folder above with pnpm-workspace.yaml)')
    .action(async (name: string, options: { root?: string }) => {
      const { createVendorFolder } = await import('../scaffold/create-vendor-folder.js');
      const created = createVendorFolder(name, options.root);
      process.stdout.write(
        [
          `Created ${created.folder} (${created.files} files): @orgport/adapter-${created.names.kebab} and @orgport/simulator-${created.names.kebab}.`,
          'Next:',
          '  1. npx -y pnpm@10.34.9 install          (links the new packages; commit pnpm-lock.yaml)',
          `  2. npx vitest run ${created.folder}      (the suite, plain and under faults: green as generated)`,
          '  3. add one line to packages/cli/src/vendors/vendor-registry.ts:',
          `       import { ${created.names.camel}Vendor } from '@orgport/adapter-${created.names.kebab}/vendor';   and add ${created.names.camel}Vendor to the list`,
          `     and "@orgport/adapter-${created.names.kebab}": "workspace:*" to packages/cli/package.json`,
          "  4. replace the fake API with your vendor's, and keep the suite green (docs/writing-an-adapter.md)",
          '',
        ].join('\n'),
      );
    });
}
