import { mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDirectory } from '@orgport/core';
import type { PlanProgress } from '@orgport/fleet';
import { type MigrationPlan, planMigration } from '@orgport/migrate';
import { createMemoryAdapter } from '@orgport/testkit/memory';
import { describe, expect, it } from 'vitest';
import { writeProgressRecords } from '../src/fleet/progress-records.js';
import { renderProgress } from '../src/fleet/render-progress.js';
import { readJournalProgress } from '../src/journal/journal-progress.js';
import { renderJournalProgress } from '../src/journal/journal-status.js';
import { formatEta } from '../src/progress/eta.js';

describe('formatEta', () => {
  it('says how long the rest takes at the rate, and when it cannot know', () => {
    expect(formatEta(0, 5)).toBe('');
    expect(formatEta(10, 0)).toBe('ETA unknown');
    expect(formatEta(90, 2)).toBe('ETA 45s');
    expect(formatEta(400, 2)).toBe('ETA 3m20s');
    expect(formatEta(7_500, 1)).toBe('ETA 2h05m');
    expect(formatEta(1_000_000, 1)).toBe('ETA 12d');
  });
});

/** A real plan of 100 `add_member` operations (memory adapters). */
async function hundredOperationPlan(): Promise<MigrationPlan> {
  const source = createMemoryAdapter({ name: 'source' });
  const target = createMemoryAdapter({ name: 'target' });
  source.store.addOrganization({ id: 'o1', name: 'acme' });
  target.store.addOrganization({ id: 't1', name: 'acme' });
  for (let n = 0; n < 100; n++) {
    source.store.addUser({ id: `s${n}`, email: `p${n}@example.com` });
    source.store.membership('o1', `s${n}`).kinds.add('member');
    target.store.addUser({ id: `t${n}`, email: `p${n}@example.com` });
  }
  return planMigration({ source: createDirectory(source), target: createDirectory(target), mapping: {} });
}

/** A journal of `done` applied operations out of a saved plan of `total`. */
function journalOf(total: number, done: number, startedAt: string) {
  const dir = mkdtempSync(join(tmpdir(), 'orgport-journal-status-'));
  const journal = join(dir, 'run.ndjson');
  const ids = Array.from({ length: total }, (_, n) => `op${String(n).padStart(14, '0')}`);
  const lines = [
    JSON.stringify({ type: 'journal', planId: 'plan-id-00000001', startedAt }),
    ...ids.slice(0, done).map((id) => JSON.stringify({ type: 'op', id, status: 'applied' })),
  ];
  writeFileSync(journal, `${lines.join('\n')}\n{"type":"op","id":"op0000`);
  return { journal, ids };
}

describe('status --journal', () => {
  it('reads a running file run: counts, a line cut by a kill ignored, a rate and an ETA', async () => {
    const { journal } = journalOf(100, 40, '2026-01-01T00:00:00.000Z');
    // The plan saved beside the journal gives the total: 100 members to add.
    const plan = await hundredOperationPlan();
    expect(plan.operations).toHaveLength(100);
    writeFileSync(`${journal}.plan.json`, JSON.stringify(plan));
    // This process holds the lock: the run is running.
    writeFileSync(`${journal}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: '' }));
    const progress = readJournalProgress(journal, Date.parse('2026-01-01T00:00:20.000Z'));
    expect(progress).toMatchObject({
      state: 'running',
      operations: 100,
      applied: 40,
      pending: 60,
      ratePerSecond: 2,
    });
    expect(renderJournalProgress(progress, false)).toContain(
      'done 40/100 (applied 40, already done 0), failed 0, pending 60, 2.0/s, ETA 30s',
    );
    // A lock left by a process that is gone holds nothing: the run is stopped.
    writeFileSync(`${journal}.lock`, JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), startedAt: '' }));
    expect(readJournalProgress(journal).state).toBe('stopped');
  });

  it('refuses what is not a journal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgport-journal-status-'));
    writeFileSync(join(dir, 'x.ndjson'), '{"hello":1}\n');
    expect(() => readJournalProgress(join(dir, 'x.ndjson'))).toThrow(/no journal header line/);
    expect(() => readJournalProgress(join(dir, 'missing.ndjson'))).toThrow(/does not exist/);
  });
});

describe('status --store records', () => {
  const progress: PlanProgress = {
    planId: 'plan-id-00000001',
    targetVendor: 'cloud-org',
    submittedAt: '2026-01-01T00:00:00.000Z',
    state: 'running',
    operations: 1000,
    applied: 380,
    skipped: 20,
    failed: 0,
    pending: 600,
    chains: { total: 100, queued: 60, done: 40, stopped: 0 },
    ratePerSecond: 4,
    failures: [],
  };
  const written = async (output: 'csv' | 'ndjson') => {
    let text = '';
    await writeProgressRecords(
      [progress, { ...progress, planId: 'plan-id-00000002', state: 'finished', pending: 0 }],
      output,
      {
        write: (chunk: string) => {
          text += chunk;
          return true;
        },
      } as NodeJS.WritableStream,
    );
    return text;
  };

  it('prints CSV rows and one NDJSON record per line, with the ETA in seconds', async () => {
    const [header, first, second] = (await written('csv')).trim().split('\n');
    expect(header).toBe(
      'planId,targetVendor,submittedAt,state,failure,operations,applied,skipped,failed,pending,chains,chainsQueued,chainsDone,chainsStopped,ratePerSecond,etaSeconds',
    );
    expect(first).toBe(
      'plan-id-00000001,cloud-org,2026-01-01T00:00:00.000Z,running,,1000,380,20,0,600,100,60,40,0,4,150',
    );
    expect(second?.endsWith(',4,')).toBe(true);
    const records = (await written('ndjson'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as PlanProgress);
    expect(records).toEqual([progress, expect.objectContaining({ planId: 'plan-id-00000002' })]);
  });

  it("puts an ETA on a running plan's line", () => {
    expect(renderProgress(progress, false)).toMatch(
      /40\.0% done 400\/1000, failed 0, pending 600, 4\.0\/s, ETA 2m30s$/,
    );
    expect(renderProgress({ ...progress, state: 'finished', pending: 0 }, false)).not.toContain('ETA');
  });
});
