import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createDirectory } from '@orgport/core';
import { startAuth0Simulator } from '@orgport/simulator-auth0';
import { describe, expect, it } from 'vitest';
import { createOperationRunner, type JournalEntry } from '../src/index.js';

describe('operation runner', () => {
  it('stops when the journal cannot record an outcome, and never records that as the operation failing', async () => {
    // The store went away for a moment (a database restart): the write happened, its record
    // did not. The run must stop with the journal's error; resuming redoes the write.
    const sim = await startAuth0Simulator({ seed: 1 });
    const target = createDirectory(
      createAuth0Adapter({ baseUrl: sim.url, clientId: sim.clientId, clientSecret: sim.clientSecret }),
    );
    const recorded: JournalEntry[] = [];
    let refusals = 1;
    const runner = createOperationRunner({
      target,
      journal: {
        get: () => undefined,
        isDone: () => false,
        async record(entry) {
          if (refusals-- > 0) throw new Error('Connection terminated unexpectedly');
          recorded.push(entry);
        },
      },
    });
    try {
      await expect(
        runner.execute({ id: 'op-1', type: 'create_organization', organization: { name: 'journal-gap' } }),
      ).rejects.toThrow('Connection terminated unexpectedly');
      expect(recorded).toEqual([]);
      // Resumed, the operation finds its organization and is recorded done.
      expect(
        await runner.execute({
          id: 'op-1',
          type: 'create_organization',
          organization: { name: 'journal-gap' },
        }),
      ).toBe(true);
      expect(recorded.map((entry) => entry.status)).toEqual(['skipped']);
    } finally {
      await target.close();
      await sim.close();
    }
  });
});
