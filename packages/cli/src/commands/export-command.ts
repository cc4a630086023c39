import { once } from 'node:events';
import { OrgPortError } from '@orgport/core/errors';
import type { Command } from 'commander';
import { assertWritableFile, createAtomicWriteStream } from '../files/atomic-file.js';
import { withDirectory } from './command-context.js';

/** `export`: a vendor-neutral snapshot, streamed as NDJSON or written as one JSON document. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('export organizations, members, kinds, roles, grants and invitations as a snapshot')
    .option('--format <format>', 'json or ndjson (streams, for any size)', 'ndjson')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--orgs <names>', 'comma-separated organization ids or names')
    .action(async (options: { format: string; out?: string; orgs?: string }, command: Command) => {
      // Bad options fail before any request.
      if (options.format !== 'json' && options.format !== 'ndjson')
        throw new OrgPortError('invalid_argument', '--format must be json or ndjson');
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
          onProgress: ({
            organizations,
            members,
            current,
          }: {
            organizations: number;
            members: number;
            current: string;
          }) => progress.update(organizations, organizations, `${members} members (${current})`),
        };
        try {
          if (options.format === 'json')
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
