import { OrgPortError } from '@orgport/core';
import type { JournalRun, JournalStore } from './journal-store.js';
import type { JournalEntry } from './migration-journal.js';

/**
 * A {@link JournalStore} in memory, shared by the runs of one process: for embedding
 * orgport in a service that keeps its own state, and as the second implementation the
 * store contract is tested against. It keeps the file journal's rules (one plan, no reuse
 * without resume, one runner at a time).
 */
export function memoryJournalStore(): JournalStore {
  let planId: string | undefined;
  let running = false;
  const entries = new Map<string, JournalEntry>();
  return {
    async open({ planId: wanted }, resume) {
      if (running)
        throw new OrgPortError('failed_precondition', 'the journal is in use by another run in this process');
      if (planId !== undefined) {
        if (!resume)
          throw new OrgPortError(
            'failed_precondition',
            'the journal already exists: pass resume to continue that run, or use another store',
          );
        if (planId !== wanted)
          throw new OrgPortError(
            'failed_precondition',
            `the journal belongs to plan ${planId}, not ${wanted}`,
          );
      }
      planId = wanted;
      running = true;
      const run: JournalRun = {
        get: (id) => entries.get(id),
        isDone: (id) => {
          const entry = entries.get(id);
          return entry !== undefined && entry.status !== 'failed';
        },
        async record(entry) {
          entries.set(entry.id, entry);
        },
        repairedBytes: 0,
        async close() {
          running = false;
        },
      };
      return run;
    },
  };
}
