import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDirectory } from '@orgport/core';
import { createMemoryAdapter } from '@orgport/testkit/memory';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  loadSnapshot,
  openSnapshotFile,
  planMigration,
  readSnapshotFile,
  snapshotRecords,
} from '../src/index.js';
import { fileLines } from '../src/snapshot-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'orgport-snapshot-file-'));
let files = 0;
const fileWith = (text: string | Buffer) => {
  const path = join(dir, `f${files++}`);
  writeFileSync(path, text);
  return path;
};

/** A source tenant of `sizes[i]` members in organization i, roles from a small set. */
function tenant(sizes: readonly number[]) {
  const adapter = createMemoryAdapter({ name: 'source' });
  const s = adapter.store;
  const roles = ['viewer', 'editor', 'auditor'].map((name) => s.addRole({ id: `r-${name}`, name }));
  sizes.forEach((size, o) => {
    s.addOrganization({ id: `o${o}`, name: `org-${o}`, displayName: `Org ${o} ✓` });
    for (let m = 0; m < size; m++) {
      s.addUser({ id: `u${o}-${m}`, email: `p${o}.${m}@example.com`, name: `Person ${m}` });
      const record = s.membership(`o${o}`, `u${o}-${m}`);
      record.kinds.add('member');
      if (m % 7 === 0) record.kinds.add('admin');
      record.roleIds.add((roles[m % roles.length] as { id: string }).id);
    }
  });
  return createDirectory(adapter);
}

async function ndjsonOf(sizes: readonly number[]): Promise<string[]> {
  const lines: string[] = [];
  for await (const record of snapshotRecords(tenant(sizes))) lines.push(JSON.stringify(record));
  return lines;
}

/** A streamed snapshot file, collected into the shape `loadSnapshot` returns. */
async function collected(path: string) {
  const opened = await openSnapshotFile(path);
  const organizations = [];
  for (const entry of opened.organizations) {
    const members = [];
    for await (const member of entry.members) members.push(member);
    const invitations = [];
    for await (const invitation of entry.invitations) invitations.push(invitation);
    expect([members.length, invitations.length]).toEqual([entry.memberCount, entry.invitationCount]);
    organizations.push({ organization: entry.organization, members, invitations });
  }
  const { organizations: _, ...header } = opened;
  return { ...header, organizations };
}

describe('fileLines', () => {
  it('yields the lines of a file with their byte offsets, whatever the chunk size (generated)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ unit: 'binary', maxLength: 12 }).map((line) => line.replace(/\n/g, '')),
          {
            maxLength: 12,
          },
        ),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 9 }),
        async (lines, crlf, finalNewline, chunkBytes) => {
          const text = lines.join(crlf ? '\r\n' : '\n') + (finalNewline && lines.length > 0 ? '\n' : '');
          const bytes = Buffer.from(text);
          const path = fileWith(bytes);
          const read = [];
          for await (const line of fileLines(path, 0, chunkBytes)) read.push(line);
          // The oracle: split the whole text.
          const expected = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
          if (text === '' || text.endsWith('\n')) expected.pop();
          expect(read.map((line) => line.text)).toEqual(expected);
          for (const line of read)
            expect(bytes.subarray(line.offset).toString('utf8').startsWith(line.text)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('snapshot files, streamed', () => {
  it('read the same snapshot loadSnapshot reads from the whole text (generated tenants)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 4 }),
        fc.boolean(),
        async (sizes, crlf) => {
          const lines = await ndjsonOf(sizes);
          const text = `${lines.join(crlf ? '\r\n' : '\n')}\n`;
          const path = fileWith(text);
          const whole = loadSnapshot(text);
          expect(await readSnapshotFile(path)).toEqual(whole);
          expect(await collected(path)).toEqual(whole);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('read a JSON document too', async () => {
    const lines = await ndjsonOf([3, 2]);
    const whole = loadSnapshot(lines.join('\n'));
    const path = fileWith(JSON.stringify(whole, null, 2));
    expect(await readSnapshotFile(path)).toEqual(whole);
    expect(await collected(path)).toEqual(whole);
  });

  it('refuse a file cut short, a trailer that does not match, and a file changed between the passes', async () => {
    const lines = await ndjsonOf([4, 3]);
    await expect(openSnapshotFile(fileWith(lines.slice(0, -1).join('\n')))).rejects.toThrow(
      /cut short: it has no trailer record/,
    );
    await expect(
      openSnapshotFile(fileWith([...lines.slice(0, 3), ...lines.slice(4)].join('\n'))),
    ).rejects.toThrow(/declares 2 organizations, 7 members .* holds 2, 6 and 0/);
    await expect(readSnapshotFile(fileWith(`${lines.join('\n')}\nnot json`))).rejects.toThrow(
      /records after the trailer|line \d+ is not valid JSON/,
    );
    const path = fileWith(lines.join('\n'));
    const opened = await openSnapshotFile(path);
    writeFileSync(path, [lines[0], lines[1], lines[2], ...lines.slice(3).reverse()].join('\n'));
    const read = async () => {
      for (const entry of opened.organizations) for await (const _ of entry.members);
    };
    await expect(read()).rejects.toThrow(/the file changed while it was read/);
  });

  it('plan from a streamed file exactly as from the loaded snapshot', async () => {
    const lines = await ndjsonOf([12, 9, 0]);
    const target = () => {
      const adapter = createMemoryAdapter({ name: 'target' });
      adapter.store.addOrganization({ id: 't0', name: 'org-0' });
      adapter.store.addRole({ id: 't-view', name: 'viewer' });
      return createDirectory(adapter);
    };
    const mapping = { rules: [{ from: { role: 'viewer' }, to: [{ role: 'viewer' }] }] };
    const fromText = await planMigration({
      source: loadSnapshot(lines.join('\n')),
      target: target(),
      mapping,
    });
    const fromFile = await planMigration({
      source: await openSnapshotFile(fileWith(lines.join('\n'))),
      target: target(),
      mapping,
    });
    expect(fromText.operations.length).toBeGreaterThan(0);
    // Each plan draws its own nonce (and so its own id); everything else is the same.
    const comparable = (plan: typeof fromText) => ({ ...plan, planId: '', nonce: '', createdAt: '' });
    expect(comparable(fromFile)).toEqual(comparable(fromText));
  });
});
