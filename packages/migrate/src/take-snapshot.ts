import type { Directory, Organization } from '@orgport/core';
import { throwIfAborted } from '@orgport/core';
import { selectOrganizations } from './select-organizations.js';
import { SNAPSHOT_VERSION, type Snapshot, type SnapshotRecord } from './snapshot-schema.js';

/** Options of {@link snapshotRecords} and {@link snapshot}. */
export interface SnapshotOptions {
  /** Only these organizations (ids or names); default every organization. */
  readonly organizations?: readonly string[] | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Called after each organization with the running member count and the organizations selected in all. */
  readonly onProgress?:
    | ((progress: { organizations: number; total: number; members: number; current: string }) => void)
    | undefined;
}

async function selectedOrganizations(
  directory: Directory,
  options: SnapshotOptions,
): Promise<Organization[]> {
  const all = await directory.organizations.list({ signal: options.signal }).toArray();
  return selectOrganizations(all, (organization) => organization, options.organizations, directory.name);
}

/**
 * Streams a snapshot of `directory` as records (header, then per organization: the
 * organization, its members, its invitations; then a trailer with the counts), holding
 * one page at a time: pipe it to NDJSON for tenants of any size.
 */
export async function* snapshotRecords(
  directory: Directory,
  options: SnapshotOptions = {},
): AsyncGenerator<SnapshotRecord> {
  yield {
    type: 'header',
    format: 'orgport.snapshot',
    version: SNAPSHOT_VERSION,
    createdAt: new Date().toISOString(),
    source: { vendor: directory.name },
  };
  let members = 0;
  let invitations = 0;
  let done = 0;
  const selected = await selectedOrganizations(directory, options);
  for (const organization of selected) {
    throwIfAborted(options.signal, directory.name);
    yield { type: 'organization', organization };
    if (directory.supports('members.list')) {
      for await (const member of directory.members.list(organization.id, { signal: options.signal })) {
        members++;
        yield { type: 'member', organizationId: organization.id, member };
      }
    }
    if (directory.supports('invitations.list')) {
      for await (const invitation of directory.invitations.list(organization.id, {
        signal: options.signal,
      })) {
        invitations++;
        yield { type: 'invitation', organizationId: organization.id, invitation };
      }
    }
    done++;
    options.onProgress?.({
      organizations: done,
      total: selected.length,
      members,
      current: organization.name,
    });
  }
  // The trailer says the export finished, and what it holds: a reader refuses a snapshot
  // whose trailer is missing or does not match.
  yield { type: 'trailer', organizations: done, members, invitations };
}

/** Collects a whole snapshot in memory (for small tenants and for planning from a live source). */
export async function snapshot(directory: Directory, options: SnapshotOptions = {}): Promise<Snapshot> {
  const result: Snapshot = {
    format: 'orgport.snapshot',
    version: SNAPSHOT_VERSION,
    createdAt: '',
    source: { vendor: directory.name },
    organizations: [],
  };
  for await (const record of snapshotRecords(directory, options)) {
    if (record.type === 'header') result.createdAt = record.createdAt;
    else if (record.type === 'organization')
      result.organizations.push({ organization: record.organization, members: [], invitations: [] });
    else if (record.type === 'member') result.organizations.at(-1)?.members.push(record.member);
    else if (record.type === 'invitation') result.organizations.at(-1)?.invitations.push(record.invitation);
  }
  return result;
}
