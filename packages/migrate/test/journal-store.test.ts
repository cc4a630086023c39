import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrgPortError } from '@orgport/core';
import { describe, expect, it } from 'vitest';
import { fileJournalStore, type JournalPlan, type JournalStore, memoryJournalStore } from '../src/index.js';

// The contract every journal store keeps (the file journal, the memory store, and any
// store shared by machines): one plan per journal, no reuse without resume, one runner at
// a time, outcomes read back by the next run, only real work counted as done.
const STORES: Record<string, () => JournalStore> = {
  file: () => fileJournalStore(join(mkdtempSync(join(tmpdir(), 'orgport-store-')), 'journal.ndjson')),
  memory: () => memoryJournalStore(),
};

/** A plan as a store sees it (the contract never needs its operations). */
const plan = (planId: string): JournalPlan => ({ planId, target: { vendor: 'auth0' }, operations: [] });

const code = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (OrgPortError.is(error) ? error.code : String(error)),
  );

for (const [name, make] of Object.entries(STORES)) {
  describe(`journal store contract: ${name}`, () => {
    it('records outcomes that the next run of the same plan reads back, and counts only real work', async () => {
      const store = make();
      const first = await store.open(plan('plan-a'), false);
      await first.record({ id: 'op1', status: 'applied' });
      await first.record({ id: 'op2', status: 'failed', reason: 'boom' });
      await first.record({ id: 'op3', status: 'skipped', reason: 'already held' });
      await first.close();
      const second = await store.open(plan('plan-a'), true);
      expect([
        second.isDone('op1'),
        second.isDone('op2'),
        second.isDone('op3'),
        second.isDone('op4'),
      ]).toEqual([true, false, true, false]);
      expect(second.get('op2')?.reason).toBe('boom');
      await second.close();
    });

    it('refuses reuse without resume, another plan, and a second runner', async () => {
      const store = make();
      const run = await store.open(plan('plan-a'), false);
      expect(await code(store.open(plan('plan-a'), true))).toBe('failed_precondition');
      await run.close();
      expect(await code(store.open(plan('plan-a'), false))).toBe('failed_precondition');
      expect(await code(store.open(plan('plan-b'), true))).toBe('failed_precondition');
      const again = await store.open(plan('plan-a'), true);
      await again.close();
    });
  });
}
