import { OrgPortError } from '@orgport/core';
import { describe, expect, it } from 'vitest';
import type { JournalPlan, JournalStore } from '../journal-store.js';

/** Options of {@link describeJournalStoreContract}. */
export interface JournalStoreContractOptions {
  /**
   * Whether one store holds one journal (a file): then opening it for another plan is
   * refused. A database holds the journals of many plans side by side.
   */
  readonly holdsOnePlan: boolean;
  /** Skips the suite, for this reason (e.g. the store's server is not installed here). */
  readonly skip?: string | undefined;
}

/** A plan as a store sees it (the contract never needs its operations). */
const plan = (planId: string): JournalPlan => ({ planId, target: { vendor: 'auth0' }, operations: [] });

const code = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (OrgPortError.is(error) ? error.code : String(error)),
  );

/**
 * The contract every {@link JournalStore} keeps, as a vitest suite: outcomes read back by
 * the next run of the same plan, only real work counted as done, no reuse without resume,
 * one runner at a time, and (for a store of one journal) no other plan. `make` returns a
 * new, empty store each time it is called.
 */
export function describeJournalStoreContract(
  name: string,
  make: () => JournalStore | Promise<JournalStore>,
  options: JournalStoreContractOptions,
): void {
  describe.skipIf(options.skip !== undefined)(`journal store contract: ${name}`, () => {
    it('records outcomes that the next run of the same plan reads back, and counts only real work', async () => {
      const store = await make();
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
      await second.record({ id: 'op2', status: 'applied' });
      await second.close();
      const third = await store.open(plan('plan-a'), true);
      expect(third.isDone('op2')).toBe(true);
      await third.close();
    });

    it('refuses reuse without resume, and a second runner', async () => {
      const store = await make();
      const run = await store.open(plan('plan-a'), false);
      expect(await code(store.open(plan('plan-a'), true))).toBe('failed_precondition');
      await run.close();
      expect(await code(store.open(plan('plan-a'), false))).toBe('failed_precondition');
      const again = await store.open(plan('plan-a'), true);
      await again.close();
    });

    if (options.holdsOnePlan)
      it("refuses another plan's journal", async () => {
        const store = await make();
        await (await store.open(plan('plan-a'), false)).close();
        expect(await code(store.open(plan('plan-b'), true))).toBe('failed_precondition');
      });
    else
      it('keeps the journals of two plans apart', async () => {
        const store = await make();
        const a = await store.open(plan('plan-a'), false);
        const b = await store.open(plan('plan-b'), false);
        await a.record({ id: 'op1', status: 'applied' });
        await b.record({ id: 'op2', status: 'applied' });
        await Promise.all([a.close(), b.close()]);
        const [againA, againB] = [
          await store.open(plan('plan-a'), true),
          await store.open(plan('plan-b'), true),
        ];
        expect([
          againA.isDone('op1'),
          againA.isDone('op2'),
          againB.isDone('op1'),
          againB.isDone('op2'),
        ]).toEqual([true, false, false, true]);
        await Promise.all([againA.close(), againB.close()]);
      });
  });
}
