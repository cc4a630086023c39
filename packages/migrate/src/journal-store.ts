import type { JournalEntry } from './migration-journal.js';
import { MigrationJournal } from './migration-journal.js';
import type { MigrationPlan } from './migration-plan.js';

/** What a store learns of the plan whose journal it opens. */
export type JournalPlan = Pick<MigrationPlan, 'planId' | 'target' | 'operations'>;

/**
 * One run's hold on a plan's journal: what earlier runs recorded, and where this run
 * records each outcome the moment it ends. Only one run holds a plan's journal at a time.
 */
export interface JournalRun {
  /** The recorded outcome of an operation, if any. */
  get(id: string): JournalEntry | undefined;
  /** Whether an operation really happened, or was found already done on the target. */
  isDone(id: string): boolean;
  /** Records an outcome durably before resolving. */
  record(entry: JournalEntry): Promise<void>;
  /** Bytes of a record cut short by a kill, repaired when the run began (0 when none). */
  readonly repairedBytes: number;
  /** Lets another run take the journal. */
  close(): Promise<void>;
}

/**
 * Where a migration keeps its journal: the port behind `applyMigration`'s `journal`
 * option. The file journal (a path) is the embedded default; a store shared by several
 * machines implements the same contract: a journal belongs to one plan, an existing one
 * is refused unless resuming, one run at a time, an outcome recorded once.
 */
export interface JournalStore {
  /** Begins a run of `plan`; refuses another plan's journal, a second runner, and an existing journal unless `resume`. */
  open(plan: JournalPlan, resume: boolean): Promise<JournalRun>;
}

/** The file journal as a {@link JournalStore}: NDJSON appended synchronously, locked while a run lasts. */
export function fileJournalStore(path: string | undefined): JournalStore {
  return {
    async open({ planId }, resume) {
      const journal = MigrationJournal.open(path, planId, resume);
      return {
        get: (id) => journal.get(id),
        isDone: (id) => journal.isDone(id),
        async record(entry) {
          journal.record(entry);
        },
        get repairedBytes() {
          return journal.repairedBytes;
        },
        async close() {
          journal.close();
        },
      };
    },
  };
}
