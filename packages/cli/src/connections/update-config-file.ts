import { closeSync, existsSync, openSync, rmSync } from 'node:fs';
import { OrgPortError } from '@orgport/core/errors';
import { writeFileAtomic } from '../files/atomic-file.js';
import { readConfig } from './resolve-connection.js';

/** How long a second writer waits for the config file's lock before giving up. */
const LOCK_WAIT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sets one connection in the config file: read, change, write atomically (created 0600: it
 * holds secrets), under `<file>.lock` so that two writers at once (`orgport sim auth0 &`
 * then `orgport sim cloud-org &`) both keep their connection instead of the last one
 * overwriting the first. A corrupt file is refused, as every command refuses it.
 */
export async function saveConnection(
  file: string,
  name: string,
  connection: Record<string, unknown>,
): Promise<void> {
  const lock = `${file}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx', 0o600));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline)
        throw new OrgPortError(
          'failed_precondition',
          `${lock} has been held for ${LOCK_WAIT_MS / 1000} s: another orgport is writing ${file} (delete the lock if none is)`,
        );
      await sleep(25);
    }
  }
  try {
    const connections = existsSync(file) ? readConfig(file) : new Map<string, Record<string, unknown>>();
    connections.set(name, connection);
    writeFileAtomic(
      file,
      `${JSON.stringify({ connections: Object.fromEntries(connections) }, null, 2)}\n`,
      0o600,
    );
  } finally {
    rmSync(lock, { force: true });
  }
}
