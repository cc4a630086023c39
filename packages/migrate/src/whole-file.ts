import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/**
 * Creates `path` (exclusively, with `mode`) holding exactly `text`, flushed to disk: every
 * write is checked and repeated until all bytes are written, so a short write (a full disk)
 * is an error, never a shorter file. The caller removes the file on error.
 */
export function writeWholeFile(path: string, text: string, mode = 0o644): void {
  const bytes = Buffer.from(text, 'utf8');
  const fd = openSync(path, 'wx', mode);
  try {
    let offset = 0;
    while (offset < bytes.length) {
      const written = writeSync(fd, bytes, offset, bytes.length - offset);
      if (written <= 0) throw Object.assign(new Error(`short write to ${path}`), { code: 'ENOSPC' });
      offset += written;
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
