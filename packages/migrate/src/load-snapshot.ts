import type { Invitation, Member } from '@orgport/core';
import { formatIssues } from '@orgport/core/driver';
import { fileLines } from './snapshot-lines.js';
import { invalidSnapshot, parseSnapshotLine, SnapshotRecordChecker } from './snapshot-record-checker.js';
import { type Snapshot, type SnapshotRecord, SnapshotSchema } from './snapshot-schema.js';

const invalid = invalidSnapshot;

/**
 * Folds NDJSON records into a snapshot, checking their order and that the trailer is last
 * and matches what came before (a snapshot without it was cut short).
 */
export function snapshotFromRecords(records: Iterable<SnapshotRecord>): Snapshot {
  const checker = new SnapshotRecordChecker();
  const organizations: Snapshot['organizations'] = [];
  for (const record of records) {
    checker.check(record);
    collect(organizations, record);
  }
  return { ...checker.finish(), organizations };
}

/** Adds a checked record to the organizations collected so far. */
function collect(organizations: Snapshot['organizations'], record: SnapshotRecord): void {
  if (record.type === 'organization')
    organizations.push({ organization: record.organization, members: [], invitations: [] });
  else if (record.type === 'member') organizations.at(-1)?.members.push(record.member);
  else if (record.type === 'invitation') organizations.at(-1)?.invitations.push(record.invitation);
}

/**
 * Folds the lines of an NDJSON snapshot into a snapshot as they arrive, one line in memory
 * at a time (plus the records collected): for files, see {@link readSnapshotFile}.
 */
export async function loadSnapshotLines(lines: AsyncIterable<string> | Iterable<string>): Promise<Snapshot> {
  const checker = new SnapshotRecordChecker();
  const organizations: Snapshot['organizations'] = [];
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    const record = parseSnapshotLine(line, number);
    checker.check(record);
    collect(organizations, record);
  }
  return { ...checker.finish(), organizations };
}

/**
 * Reads and validates a snapshot given as a JSON document, NDJSON text, or an already
 * parsed object. Fails with `invalid_argument` naming the line and field. For a file of
 * any size, {@link readSnapshotFile} or {@link openSnapshotFile} stream it instead.
 */
export function loadSnapshot(input: string | unknown): Snapshot {
  if (typeof input !== 'string') {
    const parsed = SnapshotSchema.safeParse(input);
    if (!parsed.success) throw invalid(formatIssues(parsed.error));
    return parsed.data;
  }
  const text = input.trim();
  if (text === '') throw invalid('empty');
  const firstEnd = text.indexOf('\n');
  if (!isHeaderLine(firstEnd === -1 ? text : text.slice(0, firstEnd))) {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      throw invalid(`not valid JSON (${(error as Error).message})`);
    }
    return loadSnapshot(document);
  }
  // Line by line, without an array of every line.
  const checker = new SnapshotRecordChecker();
  const organizations: Snapshot['organizations'] = [];
  let number = 0;
  for (let from = 0; from <= text.length; ) {
    const end = text.indexOf('\n', from);
    const line = text.slice(from, end === -1 ? text.length : end);
    number++;
    from = end === -1 ? text.length + 1 : end + 1;
    if (line.trim() === '') continue;
    const record = parseSnapshotLine(line, number);
    checker.check(record);
    collect(organizations, record);
  }
  return { ...checker.finish(), organizations };
}

/** Whether a line is an NDJSON snapshot's header record (NDJSON starts with one, even for an empty tenant). */
function isHeaderLine(line: string): boolean {
  try {
    const first = JSON.parse(line) as { type?: unknown } | null;
    return typeof first === 'object' && first !== null && first.type === 'header';
  } catch {
    return false;
  }
}

/**
 * Reads a snapshot file: NDJSON as a stream of lines (the file is never one string in
 * memory, whatever its size); a JSON document (written by `export -o json`, for small
 * tenants) as a whole. Checked as {@link loadSnapshot} checks it.
 */
export async function readSnapshotFile(path: string): Promise<Snapshot> {
  const lines = fileLines(path);
  const first = await lines.next();
  if (first.done) throw invalid('empty');
  if (!isHeaderLine(first.value.text)) {
    await lines.return(undefined);
    const { readFile } = await import('node:fs/promises');
    return loadSnapshot(await readFile(path, 'utf8'));
  }
  async function* texts(): AsyncGenerator<string> {
    if (!first.done) yield first.value.text;
    for await (const line of lines) yield line.text;
  }
  return loadSnapshotLines(texts());
}

/** One organization of a snapshot file, whose members and invitations are read when iterated. */
export interface SnapshotFileOrganization {
  readonly organization: Snapshot['organizations'][number]['organization'];
  /** Members in the file for this organization. */
  readonly memberCount: number;
  /** Invitations in the file for this organization. */
  readonly invitationCount: number;
  /** The members, streamed from the file (checked again as they are read). */
  readonly members: AsyncIterable<Member> | Iterable<Member>;
  /** The invitations, streamed from the file. */
  readonly invitations: AsyncIterable<Invitation> | Iterable<Invitation>;
}

/**
 * A snapshot file opened for streaming: its header and organizations are in memory; each
 * organization's members and invitations are read from the file when iterated. What the
 * planner takes as a source for snapshots of any size: memory holds the organizations and
 * one line at a time, never every member.
 */
export interface SnapshotFile extends Omit<Snapshot, 'organizations'> {
  readonly organizations: readonly SnapshotFileOrganization[];
}

/**
 * Opens an NDJSON snapshot file for streaming: one pass checks every line (schema, order,
 * trailer) and notes where each organization starts; iterating an organization's members
 * then reads just its lines again, checking each, and refuses a file that changed in
 * between. A JSON document is read whole ({@link readSnapshotFile}).
 */
export async function openSnapshotFile(path: string): Promise<SnapshotFile> {
  const checker = new SnapshotRecordChecker();
  const starts: {
    organization: SnapshotFileOrganization['organization'];
    offset: number;
    members: number;
    invitations: number;
  }[] = [];
  let number = 0;
  let first = true;
  for await (const line of fileLines(path)) {
    number++;
    if (line.text.trim() === '') continue;
    if (first && !isHeaderLine(line.text)) {
      const document = await readSnapshotFile(path);
      return {
        ...document,
        organizations: document.organizations.map((entry) => ({
          ...entry,
          memberCount: entry.members.length,
          invitationCount: entry.invitations.length,
        })),
      };
    }
    first = false;
    const record = parseSnapshotLine(line.text, number);
    checker.check(record);
    if (record.type === 'organization')
      starts.push({ organization: record.organization, offset: line.offset, members: 0, invitations: 0 });
    else if (record.type === 'member') (starts.at(-1) as (typeof starts)[number]).members++;
    else if (record.type === 'invitation') (starts.at(-1) as (typeof starts)[number]).invitations++;
  }
  const header = checker.finish();
  return {
    ...header,
    organizations: starts.map((start) => ({
      organization: start.organization,
      memberCount: start.members,
      invitationCount: start.invitations,
      members: organizationRecords(path, start, 'member', (record) => record.member),
      invitations: organizationRecords(path, start, 'invitation', (record) => record.invitation),
    })),
  };
}

/** The records of one kind of one organization, read again from its offset and checked. */
function organizationRecords<K extends 'member' | 'invitation', T>(
  path: string,
  start: { organization: { id: string }; offset: number; members: number; invitations: number },
  kind: K,
  value: (record: Extract<SnapshotRecord, { type: K }>) => T,
): AsyncIterable<T> {
  const expected = kind === 'member' ? start.members : start.invitations;
  return {
    async *[Symbol.asyncIterator]() {
      let seen = 0;
      let first = true;
      for await (const line of fileLines(path, start.offset)) {
        if (line.text.trim() === '') continue;
        const record = parseSnapshotLine(line.text, line.number);
        if (first) {
          first = false;
          if (record.type !== 'organization' || record.organization.id !== start.organization.id)
            throw invalid('the file changed while it was read; read it again');
          continue;
        }
        if (record.type !== 'member' && record.type !== 'invitation') break;
        if (record.organizationId !== start.organization.id)
          throw invalid('the file changed while it was read; read it again');
        if (record.type === kind) {
          seen++;
          yield value(record as Extract<SnapshotRecord, { type: K }>);
        }
      }
      if (seen !== expected) throw invalid('the file changed while it was read; read it again');
    },
  };
}
