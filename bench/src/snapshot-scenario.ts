import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Figure } from './scenarios.js';

const CHILD = fileURLToPath(new URL('./snapshot-child.js', import.meta.url));
const run = promisify(execFile);

interface ChildReport {
  readonly mode: string;
  readonly members: number;
  readonly startRssMiB: number;
  readonly peakRssMiB: number;
  readonly wallMs: number;
  readonly failure?: string;
}

/**
 * Writes an NDJSON snapshot of `members` members in `organizations` organizations, as
 * `orgport export` writes them (a member line is about 450 bytes, as the Auth0 simulator's).
 */
async function writeSnapshot(path: string, organizations: number, members: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (record: unknown) => {
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
  };
  await write({
    type: 'header',
    format: 'orgport.snapshot',
    version: 1,
    createdAt: new Date(0).toISOString(),
    source: { vendor: 'auth0' },
  });
  const perOrganization = Math.ceil(members / organizations);
  let written = 0;
  for (let o = 0; o < organizations; o++) {
    const organizationId = `org_${String(o).padStart(16, '0')}`;
    await write({
      type: 'organization',
      organization: { id: organizationId, name: `organization-${o}`, displayName: `Organization ${o}` },
    });
    for (let m = 0; m < perOrganization && written < members; m++, written++) {
      const role = {
        id: `rol_${String(m % 5).padStart(16, '0')}`,
        name: ['viewer', 'editor', 'developer', 'support', 'auditor'][m % 5],
      };
      await write({
        type: 'member',
        organizationId,
        member: {
          user: {
            id: `auth0|${written.toString(16).padStart(24, '0')}`,
            email: `person.${written}@example.com`,
            name: `Person ${written}`,
            picture: `https://s.gravatar.com/avatar/${written.toString(16).padStart(32, '0')}?s=480&r=pg&d=mp`,
          },
          organizationId,
          kinds: m % 50 === 0 ? ['member', 'admin'] : ['member'],
          roles: [role],
          grants: [{ scope: { type: 'organization' }, group: role }],
        },
      });
    }
  }
  await write({ type: 'trailer', organizations, members: written, invitations: 0 });
  out.end();
  await once(out, 'finish');
}

/**
 * Scenario 7: reading a snapshot file of a million members. The CLI read snapshots as one
 * string and then parsed them; `openSnapshotFile` streams lines, keeping the organizations
 * and one line at a time. Peak RSS of each way, in a fresh process.
 */
export async function snapshotStreaming(
  log: (line: string) => void,
  members = 1_000_000,
  organizations = 10,
): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'orgport-bench-snapshot-'));
  const path = join(dir, 'snapshot.ndjson');
  const scenario = `snapshot reading (${members.toLocaleString('en-US')} members)`;
  try {
    log(`  writing a ${members.toLocaleString('en-US')}-member snapshot…`);
    await writeSnapshot(path, organizations, members);
    const sizeMiB = statSync(path).size / 1024 / 1024;
    const figures: Figure[] = [
      { scenario, figure: 'file size', contender: 'snapshot', value: `${sizeMiB.toFixed(0)} MiB` },
    ];
    const reports = new Map<string, ChildReport>();
    for (const mode of ['stream', 'string']) {
      const { stdout } = await run(process.execPath, ['--max-old-space-size=8192', CHILD, mode, path], {
        maxBuffer: 1 << 20,
      });
      const report = JSON.parse(stdout) as ChildReport;
      reports.set(mode, report);
      const contender = mode === 'stream' ? 'openSnapshotFile (lines)' : 'loadSnapshot(one string)';
      log(
        `  ${contender}: ${report.failure ?? `${report.members} members`}, peak RSS ${report.peakRssMiB.toFixed(0)} MiB`,
      );
      figures.push(
        {
          scenario,
          figure: 'peak RSS',
          contender,
          value: `${report.peakRssMiB.toFixed(0)} MiB`,
          numeric: report.peakRssMiB,
          ...(mode === 'stream'
            ? { goal: '< file size / 2 (never the file in memory)', met: report.peakRssMiB < sizeMiB / 2 }
            : {}),
        },
        { scenario, figure: 'wall time', contender, value: `${(report.wallMs / 1000).toFixed(1)} s` },
        {
          scenario,
          figure: 'members read',
          contender,
          value: report.failure ? `failed: ${report.failure}` : String(report.members),
          goal: String(members),
          met: report.members === members,
        },
      );
    }
    const stream = reports.get('stream');
    const whole = reports.get('string');
    if (stream && whole && !whole.failure)
      figures.push({
        scenario,
        figure: 'peak RSS ratio lines / one string',
        contender: 'openSnapshotFile (lines)',
        value: (stream.peakRssMiB / whole.peakRssMiB).toFixed(3),
        numeric: stream.peakRssMiB / whole.peakRssMiB,
      });
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
