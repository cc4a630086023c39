import type { Command } from 'commander';

/** `new-adapter <name>`: a new vendor folder, copied from the template vendor, that passes the conformance suite as generated. */
export function registerNewAdapterCommand(program: Command): void {
  program
    .command('new-adapter <name>')
    .description('create vendors/<name>/ from the template vendor and list it in the generated registry')
    .option('--emulator', "no simulator of ours: test against the vendor's emulator through the fault proxy")
    .option('--root <dir>', 'repository root (default: the nearest folder above with pnpm-workspace.yaml)')
    .action(async (name: string, options: { root?: string; emulator?: boolean }) => {
      const { createVendorFolder } = await import('../scaffold/create-vendor-folder.js');
      const path = options.emulator ? 'emulator' : 'simulator';
      const created = createVendorFolder(name, { root: options.root, path });
      const packages =
        path === 'simulator'
          ? `@orgport/adapter-${created.names.kebab} and @orgport/simulator-${created.names.kebab}`
          : `@orgport/adapter-${created.names.kebab} (tested against an emulator through the fault proxy)`;
      process.stdout.write(
        [
          `Created ${created.folder} (${created.files} files): ${packages}.`,
          created.generated
            ? 'The CLI registry and tsconfig references now list it (scripts/generate-workspace.mjs).'
            : 'Run the repository generator to list it in the CLI registry.',
          'Next:',
          '  1. npx -y pnpm@10.34.9 install          (links the new packages; commit pnpm-lock.yaml)',
          `  2. npx vitest run ${created.folder}      (the suite, plain and under faults: green as generated)`,
          path === 'simulator'
            ? "  3. replace the fake API with your vendor's, and keep the suite green (docs/writing-an-adapter.md)"
            : `  3. replace ${created.folder}/adapter/test/support/start-emulator.ts with the vendor's emulator (docs/writing-an-adapter.md)`,
          '',
        ].join('\n'),
      );
    });
}
