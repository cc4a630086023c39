import { readFileSync } from 'node:fs';
import { loadSnapshot, openSnapshotFile } from '@orgport/migrate';

/**
 * One way of reading a snapshot file, in a fresh process so that its peak RSS is its own:
 * `string` reads the file as one string and parses it (how the CLI read snapshots before);
 * `stream` opens it with `openSnapshotFile` and iterates every member, as the planner does.
 * Prints one JSON line: members read, start and peak RSS, wall time.
 */
const [mode, path] = process.argv.slice(2) as [string, string];
const mib = (bytes: number) => bytes / 1024 / 1024;
const startRssMiB = mib(process.memoryUsage.rss());
const started = performance.now();
let members = 0;
let failure: string | undefined;
try {
  if (mode === 'string') {
    const snapshot = loadSnapshot(readFileSync(path, 'utf8'));
    for (const entry of snapshot.organizations) members += entry.members.length;
  } else {
    const file = await openSnapshotFile(path);
    for (const entry of file.organizations) for await (const _member of entry.members) members++;
  }
} catch (error) {
  failure = error instanceof Error ? error.message : String(error);
}
const wallMs = performance.now() - started;
// maxRSS is in KiB: the process's peak resident set, however brief.
const peakRssMiB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ mode, members, startRssMiB, peakRssMiB, wallMs, failure })}\n`);
