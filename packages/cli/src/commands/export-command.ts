import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { OrgPortError } from '@orgport/core/errors';
import type { Command } from 'commander';
import { withDirectory } from './command-context.js';

/** `export`: a vendor-neutral snapshot, streamed as NDJSON or written as one JSON document. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('export organizations, members, kinds, roles, grants and invitations as a snapshot')
    .option('--format <format>', 'json or ndjson (streams, for any size)', 'ndjson')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--orgs <names>', 'comma-separated organization ids or names')
    .action(async (options: { format: string; out?: string; orgs?: string }, command: Command) =>
      withDirectory(command, async (directory, globals) => {
        if (options.format !== 'json' && options.format !== 'ndjson')
          throw new OrgPortError('invalid_argument', '--format must be json or ndjson');
        const [{ snapshot, snapshotRecords }, { progressReporter }] = await Promise.all([
          import('@orgport/migrate'),
          import('../progress/progress-reporter.js'),
        ]);
        const out = options.out ? createWriteStream(options.out) : process.stdout;
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
        if (options.format === 'json')
          out.write(`${JSON.stringify(await snapshot(directory, snapshotOptions), null, 2)}\n`);
        else
          for await (const record of snapshotRecords(directory, snapshotOptions))
            out.write(`${JSON.stringify(record)}\n`);
        progress.stop();
        if (options.out) {
          out.end();
          await finished(out);
        }
      }),
    );
}
