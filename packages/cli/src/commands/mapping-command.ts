import { existsSync } from 'node:fs';
import { OrgPortError } from '@orgport/core/errors';
import type { Command } from 'commander';
import { assertWritableFile, writeFileAtomic } from '../files/atomic-file.js';
import { connectionCatalog } from '../lists/catalog.js';
import { starterMapping } from '../mapping/starter-mapping.js';
import { terminalSafe } from '../output/terminal-text.js';
import { globals, openConnection } from './command-context.js';

interface InitOptions {
  readonly from?: string;
  readonly to?: string;
  readonly out?: string;
  readonly force?: boolean;
}

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

/** `mapping init`: a starter role mapping from the source's roles and the target's groups. */
export function registerMappingCommand(program: Command): void {
  const mapping = program.command('mapping').description('role mappings: init');
  mapping
    .command('init')
    .description(
      'write a starter mapping: a rule for each source role whose name matches a target role or group; the rest is for you to add (the plan reports it as a loss until then)',
    )
    .option('--from <connection>', 'source connection (its roles and groups)')
    .option('--to <connection>', 'target connection (its roles and groups)')
    .option('--out <file>', 'write the mapping here instead of stdout')
    .option('--force', 'replace --out if it exists')
    .action(async (options: InitOptions, command: Command) => {
      const global = globals(command);
      if (!options.from || !options.to)
        throw new OrgPortError('invalid_argument', 'give both --from <connection> and --to <connection>');
      if (options.out) {
        assertWritableFile(options.out, '--out');
        if (existsSync(options.out) && !options.force)
          throw new OrgPortError(
            'invalid_argument',
            `--out: ${options.out} exists (a mapping you may have edited); choose another file or pass --force`,
          );
      }
      const [source, target] = await Promise.all([
        openConnection(options.from, global),
        openConnection(options.to, global),
      ]);
      try {
        const [sourceItems, targetItems] = await Promise.all([
          connectionCatalog(source),
          connectionCatalog(target),
        ]);
        const starter = starterMapping(sourceItems, targetItems);
        const text = `${JSON.stringify(starter.mapping, null, 2)}\n`;
        if (options.out) writeFileAtomic(options.out, text);
        else process.stdout.write(text);
        if (global.quiet) return;
        const say = (line: string) => process.stderr.write(`${terminalSafe(line)}\n`);
        say(
          `${options.out ? `Wrote ${options.out}: ` : ''}${starter.matched.length} of ${starter.matched.length + starter.unmatched.length} source roles and groups matched a target role or group by name:`,
        );
        for (const { source: from, target: to } of starter.matched)
          say(`  ${from.name} → ${to.product === undefined ? to.name : `*/${to.name}`}`);
        if (starter.kinds.length > 0)
          say(
            `${quoted(starter.kinds.map((entry) => entry.name))}: member kinds, carried by "kinds" (each to itself unless you say otherwise).`,
          );
        if (starter.unmatched.length > 0)
          say(
            `No rule for ${quoted(starter.unmatched.map((entry) => entry.name))}: add rules for them, or the plan reports them as losses.`,
          );
        const names = [...new Set(targetItems.map((entry) => entry.name))];
        say(`The target offers: ${names.length > 0 ? quoted(names) : 'no roles or groups'}.`);
      } finally {
        await Promise.all([source.close(), target.close()]);
      }
    });
}
