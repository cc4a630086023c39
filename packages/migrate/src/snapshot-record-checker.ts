import { OrgPortError } from '@orgport/core';
import { formatIssues } from '@orgport/core/driver';
import { type SnapshotHeader, type SnapshotRecord, SnapshotRecordSchema } from './snapshot-schema.js';

/** `invalid_argument` about a snapshot. */
export const invalidSnapshot = (message: string): OrgPortError =>
  new OrgPortError('invalid_argument', `snapshot: ${message}`);

/** One NDJSON line as a checked record; `invalid_argument` naming the line and field otherwise. */
export function parseSnapshotLine(line: string, number: number): SnapshotRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw invalidSnapshot(`line ${number} is not valid JSON`);
  }
  const parsed = SnapshotRecordSchema.safeParse(value);
  if (!parsed.success) throw invalidSnapshot(`line ${number}: ${formatIssues(parsed.error)}`);
  return parsed.data;
}

/**
 * Checks the order of a streamed snapshot's records as they come, keeping only counts:
 * the header first and once, members and invitations inside their organization, the
 * trailer last and matching what came before (a snapshot without it was cut short).
 */
export class SnapshotRecordChecker {
  private header: SnapshotHeader | undefined;
  private trailer: Extract<SnapshotRecord, { type: 'trailer' }> | undefined;
  private organizationId: string | undefined;
  /** Counts so far. */
  readonly counted = { organizations: 0, members: 0, invitations: 0 };

  /** Checks one record in order; throws `invalid_argument` at the first one out of place. */
  check(record: SnapshotRecord): void {
    if (this.trailer) throw invalidSnapshot('records after the trailer record');
    if (record.type === 'trailer') {
      this.trailer = record;
      return;
    }
    if (record.type === 'header') {
      if (this.header) throw invalidSnapshot('a second header record');
      const { type: _type, ...header } = record;
      this.header = header;
      return;
    }
    if (!this.header) throw invalidSnapshot('the first record must be the header');
    if (record.type === 'organization') {
      this.organizationId = record.organization.id;
      this.counted.organizations++;
      return;
    }
    if (this.organizationId === undefined || this.organizationId !== record.organizationId)
      throw invalidSnapshot(
        `a ${record.type} record for organization ${record.organizationId} outside its organization`,
      );
    if (record.type === 'member') this.counted.members++;
    else this.counted.invitations++;
  }

  /** The header, once every record was checked and the trailer matched them. */
  finish(): SnapshotHeader {
    if (!this.header) throw invalidSnapshot('empty');
    if (!this.trailer)
      throw invalidSnapshot('cut short: it has no trailer record (the export did not finish); export again');
    const declared = {
      organizations: this.trailer.organizations,
      members: this.trailer.members,
      invitations: this.trailer.invitations,
    };
    const counted = this.counted;
    if (
      declared.organizations !== counted.organizations ||
      declared.members !== counted.members ||
      declared.invitations !== counted.invitations
    )
      throw invalidSnapshot(
        `its trailer declares ${declared.organizations} organizations, ${declared.members} members and ${declared.invitations} invitations, but it holds ${counted.organizations}, ${counted.members} and ${counted.invitations}`,
      );
    return this.header;
  }
}
