import { randomBytes } from 'node:crypto';
import {
  closeSync,
  createWriteStream,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  type WriteStream,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { OrgPortError } from '@orgport/core/errors';

/** A temporary file beside `path`, on the same file system so that rename is atomic. */
const tempPathFor = (path: string): string =>
  join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);

/**
 * Fails with `invalid_argument` unless `path` can be written: its folder exists and is a
 * folder, and `path` itself is not a folder. Checked before any work, so a long plan or
 * export never fails at its very end for a typo in `--out`.
 */
export function assertWritableFile(path: string, option: string): void {
  const folder = dirname(path);
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) throw new OrgPortError('invalid_argument', `${option}: folder ${folder} does not exist`);
  try {
    if (statSync(path).isDirectory())
      throw new OrgPortError('invalid_argument', `${option}: ${path} is a folder, not a file`);
  } catch (error) {
    if (OrgPortError.is(error)) throw error;
  }
}

/**
 * Writes a whole file atomically: to a temporary file beside it (created with `mode`,
 * never wider), flushed to disk, then renamed over `path`. A reader sees the old file or
 * the new one, never half of one; a secret written this way is never readable by others,
 * even for an instant.
 */
export function writeFileAtomic(path: string, text: string | Uint8Array, mode = 0o644): void {
  const temp = tempPathFor(path);
  const fd = openSync(temp, 'wx', mode);
  try {
    // Every write checked: a short write (a full disk) is an error, never a shorter file.
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    for (let offset = 0; offset < bytes.length; ) {
      const written = writeSync(fd, bytes, offset, bytes.length - offset);
      if (written <= 0) throw new OrgPortError('internal', `could not write ${path}: short write`);
      offset += written;
    }
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** A stream that becomes `path` only when committed. */
export interface AtomicWriteStream {
  /** Write here. */
  readonly stream: WriteStream;
  /** Ends the stream, flushes it and renames it over the target. */
  commit(): Promise<void>;
  /** Drops what was written (the target is untouched). */
  abort(): void;
}

/**
 * Streams a file atomically, for outputs of any size (an NDJSON export): everything goes to
 * a temporary file beside `path`, which replaces `path` only on {@link AtomicWriteStream.commit}.
 * A killed or failed export leaves no file that looks complete.
 */
export function createAtomicWriteStream(path: string): AtomicWriteStream {
  const temp = tempPathFor(path);
  const stream = createWriteStream(temp, { flags: 'wx', mode: 0o644 });
  return {
    stream,
    async commit() {
      stream.end();
      await finished(stream);
      const fd = openSync(temp, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, path);
    },
    abort() {
      stream.destroy();
      rmSync(temp, { force: true });
    },
  };
}
