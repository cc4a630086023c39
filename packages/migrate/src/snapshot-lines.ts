import { createReadStream } from 'node:fs';

/** One line of a file, with the byte offset where it starts. */
export interface FileLine {
  readonly text: string;
  /** Byte offset of the line's first byte. */
  readonly offset: number;
  /** 1-based line number, counted from where the read started. */
  readonly number: number;
}

const NEWLINE = 0x0a;

/**
 * Streams a file's lines from byte `start`, holding one chunk and one line at a time (never
 * the file as one string), read in chunks of `chunkBytes`. Lines end at `\n` (a `\r` before it is dropped); a last line
 * without one is yielded too. Splitting at the `\n` byte never cuts a UTF-8 character.
 */
export async function* fileLines(path: string, start = 0, chunkBytes = 1 << 20): AsyncGenerator<FileLine> {
  let pending: Buffer[] = [];
  let pendingOffset = start;
  let position = start;
  let number = 0;
  const line = (bytes: Buffer, offset: number): FileLine => {
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    number++;
    return { text: bytes.toString('utf8', 0, end), offset, number };
  };
  for await (const chunk of createReadStream(path, {
    start,
    highWaterMark: chunkBytes,
  }) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, from)) {
      const piece = chunk.subarray(from, at);
      const bytes = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      yield line(bytes, pendingOffset);
      pending = [];
      from = at + 1;
      pendingOffset = position + from;
    }
    if (from < chunk.length) pending.push(Buffer.from(chunk.subarray(from)));
    position += chunk.length;
  }
  if (pending.length > 0) yield line(Buffer.concat(pending), pendingOffset);
}
