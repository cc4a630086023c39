import { appendFileSync, existsSync, readFileSync, truncateSync } from 'node:fs';
import { OrgPortError } from '@orgport/core';
import { type JournalLock, lockJournal } from './journal-lock.js';

/** How one operation ended, as the journal records it. */
export interface JournalEntry {
  readonly id: string;
  readonly status: 'applied' | 'skipped' | 'failed';
  readonly reason?: string | undefined;
  /** What later operations need (e.g. the id of a created organization). */
  readonly result?: Readonly<Record<string, string>> | undefined;
}

/**
 * An append-only NDJSON journal of one plan's operations. Each line is written with a
 * synchronous append as soon as its operation ends, so a process killed at any point leaves
 * every finished operation recorded; resuming skips them. A journal belongs to one plan
 * (checked by `planId`).
 */
export class MigrationJournal {
  private readonly entries = new Map<string, JournalEntry>();

  private constructor(
    private readonly path: string | undefined,
    readonly planId: string,
    private readonly lock: JournalLock | undefined,
  ) {}

  /**
   * Opens the journal for `planId`. An existing file is refused unless `resume` is set
   * (so two runs never mix), and refused on resume when it belongs to another plan. The
   * journal is locked for this process until {@link close}: a second runner is refused.
   */
  static open(path: string | undefined, planId: string, resume: boolean): MigrationJournal {
    if (!path) return new MigrationJournal(path, planId, undefined);
    const lock = lockJournal(path);
    try {
      return MigrationJournal.read(new MigrationJournal(path, planId, lock), path, planId, resume);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  private static read(
    journal: MigrationJournal,
    path: string,
    planId: string,
    resume: boolean,
  ): MigrationJournal {
    if (existsSync(path)) {
      if (!resume) {
        throw new OrgPortError(
          'failed_precondition',
          `journal ${path} already exists: pass resume to continue that run, or choose another file`,
        );
      }
      // A kill mid-append leaves the last line cut short. Cut the file back to its last
      // complete line before anything is appended, or the next record would be glued to
      // the fragment and the journal become unreadable.
      const text = readFileSync(path, 'utf8');
      const complete = text.endsWith('\n') || text === '' ? text : text.slice(0, text.lastIndexOf('\n') + 1);
      if (complete.length !== text.length) {
        truncateSync(path, Buffer.byteLength(complete));
        journal.repairedBytes = Buffer.byteLength(text) - Buffer.byteLength(complete);
      }
      journal.size = Buffer.byteLength(complete);
      const lines = complete.split('\n').filter((line) => line.trim() !== '');
      if (lines.length === 0) {
        // Its first line never made it to disk (a full disk): nothing was recorded.
        journal.append(
          `${JSON.stringify({ type: 'journal', planId, startedAt: new Date().toISOString() })}\n`,
        );
        return journal;
      }
      for (const [index, line] of lines.entries()) {
        let record: { type?: string; planId?: string } & Partial<JournalEntry>;
        try {
          record = JSON.parse(line);
        } catch {
          throw new OrgPortError('invalid_argument', `journal ${path}: line ${index + 1} is not valid JSON`);
        }
        if (index === 0 && record.type !== 'journal')
          throw new OrgPortError(
            'invalid_argument',
            `journal ${path}: line 1 is not a journal header (not an orgport journal?)`,
          );
        if (record.type === 'journal') {
          if (record.planId !== planId)
            throw new OrgPortError(
              'failed_precondition',
              `journal ${path} belongs to plan ${record.planId}, not ${planId}`,
            );
        } else if (record.type === 'op' && record.id && record.status) {
          journal.entries.set(record.id, {
            id: record.id,
            status: record.status,
            reason: record.reason,
            result: record.result,
          });
        }
      }
      return journal;
    }
    journal.append(`${JSON.stringify({ type: 'journal', planId, startedAt: new Date().toISOString() })}\n`);
    return journal;
  }

  /** Bytes of complete lines in the file. */
  private size = 0;
  /** Set once an append failed: nothing more is appended. */
  private failure: OrgPortError | undefined;

  /**
   * Appends one whole line, or nothing: an append cut short (a full disk) is cut back to the
   * last complete line, and the journal refuses every later append, so no line is ever
   * glued to a fragment.
   */
  private append(line: string): void {
    if (this.failure) throw this.failure;
    const path = this.path as string;
    try {
      appendFileSync(path, line);
      this.size += Buffer.byteLength(line);
    } catch (error) {
      let cut = '';
      try {
        truncateSync(path, this.size);
      } catch {
        cut = ' (its last line may be cut short: a resume removes it)';
      }
      this.failure = new OrgPortError(
        'internal',
        `journal ${path}: could not append (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})${cut}; the run stops, and resumes once the journal can be written`,
        { cause: error },
      );
      throw this.failure;
    }
  }

  /** Bytes of a last line cut short by a kill, removed when the journal was opened (0 when none). */
  repairedBytes = 0;

  /** The recorded outcome of an operation, if any. */
  get(id: string): JournalEntry | undefined {
    return this.entries.get(id);
  }

  /**
   * Whether an operation is done: it was applied, or found already done on the target.
   * A failure is not, nor an operation that never ran because an earlier one failed
   * (journals of earlier versions recorded those as skipped).
   */
  isDone(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry || entry.status === 'failed') return false;
    return !(entry.status === 'skipped' && entry.reason?.startsWith('an earlier operation'));
  }

  /** Releases the journal's lock. */
  close(): void {
    this.lock?.release();
  }

  /** Records an outcome (durably, before returning). */
  record(entry: JournalEntry): void {
    if (this.path) this.append(`${JSON.stringify({ type: 'op', ...entry })}\n`);
    this.entries.set(entry.id, entry);
  }
}
