import { once } from 'node:events';
import { OrgPortError } from '@orgport/core/errors';
import { type Command, Option } from 'commander';
import { assertWritableFile, createAtomicWriteStream } from '../files/atomic-file.js';
import { withDirectory } from './command-context.js';

/** The formats a snapshot is written in. */
const SNAPSHOT_FORMATS = ['json', 'ndjson'] as const;

/**
 * The snapshot's format: `-o json|ndjson` like every other command, or the deprecated
 * `--format`; NDJSON (streamed, for any size) unless either says otherwise.
 */
function snapshotFormat(options: { format?: string }, command: Command): 'json' | 'ndjson' {
  const output = command.optsWithGlobals().output as string;
  const outputGiven = command.parent?.getOptionValueSource('output') === 'cli';
  if (options.format !== undefined) {
    if (outputGiven && options.format !== output)
      throw new OrgPortError(
        'invalid_argument',
        `--format ${options.format} contradicts -o ${output}; give only -o`,
      );
    process.stderr.write('warning: --format is deprecated; use -o json or -o ndjson\n');
  }
  const format = options.format ?? (outputGiven ? output : 'ndjson');
  if (!(SNAPSHOT_FORMATS as readonly string[]).includes(format))
    throw new OrgPortError(
      'invalid_argument',
      `a snapshot is json or ndjson (got ${format}): give -o json or -o ndjson`,
    );
  return format as 'json' | 'ndjson';
}

/** `export`: a vendor-neutral snapshot, streamed as NDJSON or written as one JSON document. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'export organizations, members, kinds, roles, grants and invitations as a snapshot (-o ndjson, the default, streams for any size; -o json)',
    )
    .addOption(new Option('--format <format>', 'deprecated: use -o').hideHelp())
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--orgs <names>', 'comma-separated organization ids or names')
    .action(async (options: { format?: string; out?: string; orgs?: string }, command: Command) => {
      // Bad options fail before any request.
      const format = snapshotFormat(options, command);
      if (options.out) assertWritableFile(options.out, '--out');
      await withDirectory(command, async (directory, globals) => {
        const [{ snapshot, snapshotRecords }, { progressReporter }] = await Promise.all([
          import('@orgport/migrate'),
          import('../progress/progress-reporter.js'),
        ]);
        // A file is written atomically: a killed export leaves no file that looks complete
        // (and the snapshot's trailer catches a copy cut short elsewhere).
        const file = options.out ? createAtomicWriteStream(options.out) : undefined;
        const out = file?.stream ?? process.stdout;
        const write = async (text: string) => {
          if (!out.write(text)) await once(out, 'drain');
        };
        const progress = progressReporter('export', globals.quiet || !options.out);
        const snapshotOptions = {
          organizations: options.orgs?.split(',').map((name) => name.trim()),
          // Organizations done of those selected; the member count so far as the label.
          onProgress: (now: { organizations: number; total: number; members: number; current: string }) =>
            progress.update(
              now.organizations,
              now.total,
              `organizations, ${now.members} members (${now.current})`,
            ),
        };
        try {
          if (format === 'json')
            await write(`${JSON.stringify(await snapshot(directory, snapshotOptions), null, 2)}\n`);
          else
            for await (const record of snapshotRecords(directory, snapshotOptions))
              await write(`${JSON.stringify(record)}\n`);
          await file?.commit();
        } catch (error) {
          file?.abort();
          throw error;
        } finally {
          progress.stop();
        }
      });
    });
}
