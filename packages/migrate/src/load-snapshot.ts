import { OrgPortError } from '@orgport/core';
import { formatIssues } from '@orgport/core/driver';
import {
  type Snapshot,
  type SnapshotRecord,
  SnapshotRecordSchema,
  SnapshotSchema,
} from './snapshot-schema.js';

const invalid = (message: string): OrgPortError =>
  new OrgPortError('invalid_argument', `snapshot: ${message}`);

/**
 * Folds NDJSON records into a snapshot, checking their order and that the trailer is last
 * and matches what came before (a snapshot without it was cut short).
 */
export function snapshotFromRecords(records: Iterable<SnapshotRecord>): Snapshot {
  let result: Snapshot | undefined;
  let trailer: Extract<SnapshotRecord, { type: 'trailer' }> | undefined;
  let members = 0;
  let invitations = 0;
  for (const record of records) {
    if (trailer) throw invalid('records after the trailer record');
    if (record.type === 'trailer') {
      trailer = record;
      continue;
    }
    if (record.type === 'header') {
      if (result) throw invalid('a second header record');
      const { type: _type, ...header } = record;
      result = { ...header, organizations: [] };
      continue;
    }
    if (!result) throw invalid('the first record must be the header');
    if (record.type === 'organization') {
      result.organizations.push({ organization: record.organization, members: [], invitations: [] });
      continue;
    }
    const current = result.organizations.at(-1);
    if (!current || current.organization.id !== record.organizationId) {
      throw invalid(
        `a ${record.type} record for organization ${record.organizationId} outside its organization`,
      );
    }
    if (record.type === 'member') {
      members++;
      current.members.push(record.member);
    } else {
      invitations++;
      current.invitations.push(record.invitation);
    }
  }
  if (!result) throw invalid('empty');
  if (!trailer)
    throw invalid('cut short: it has no trailer record (the export did not finish); export again');
  const counted = { organizations: result.organizations.length, members, invitations };
  const declared = {
    organizations: trailer.organizations,
    members: trailer.members,
    invitations: trailer.invitations,
  };
  if (JSON.stringify(counted) !== JSON.stringify(declared))
    throw invalid(
      `its trailer declares ${declared.organizations} organizations, ${declared.members} members and ${declared.invitations} invitations, but it holds ${counted.organizations}, ${counted.members} and ${counted.invitations}`,
    );
  return result;
}

/**
 * Reads and validates a snapshot given as a JSON document, NDJSON text, or an already
 * parsed object. Fails with `invalid_argument` naming the line and field.
 */
export function loadSnapshot(input: string | unknown): Snapshot {
  if (typeof input !== 'string') {
    const parsed = SnapshotSchema.safeParse(input);
    if (!parsed.success) throw invalid(formatIssues(parsed.error));
    return parsed.data;
  }
  const text = input.trim();
  if (text === '') throw invalid('empty');
  const lines = text.split('\n');
  let first: unknown;
  try {
    first = JSON.parse(lines[0] ?? '');
  } catch {
    first = undefined;
  }
  // NDJSON starts with a header record on its own line (even an empty tenant's snapshot).
  const isNdjson =
    typeof first === 'object' && first !== null && (first as { type?: unknown }).type === 'header';
  if (!isNdjson) {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      throw invalid(`not valid JSON (${(error as Error).message})`);
    }
    return loadSnapshot(document);
  }
  const records = lines
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw invalid(`line ${index + 1} is not valid JSON`);
      }
      const parsed = SnapshotRecordSchema.safeParse(value);
      if (!parsed.success) throw invalid(`line ${index + 1}: ${formatIssues(parsed.error)}`);
      return parsed.data;
    });
  return snapshotFromRecords(records);
}
