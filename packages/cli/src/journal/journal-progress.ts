import { existsSync, readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { OrgPortError } from '@orgport/core/errors';
import { loadPlan } from '@orgport/migrate';
import { readPlanText } from '../plan/plan-file.js';

/** A file-journal run's progress, in the fields the fleet's `PlanProgress` uses. */
export interface JournalProgress {
  readonly planId: string;
  readonly journal: string;
  /**
   * `running`: a process holds the journal's lock; `finished`: every operation is done;
   * `stopped`: no process runs it and operations remain (`--resume` finishes it).
   */
  readonly state: 'running' | 'finished' | 'stopped';
  /** Operations in the plan saved beside the journal (undefined when that file is gone). */
  readonly operations: number | undefined;
  readonly applied: number;
  /** Found already done on the target, or done by an earlier run. */
  readonly skipped: number;
  readonly failed: number;
  /** Operations without a done outcome yet. */
  readonly pending: number | undefined;
  /** The process holding the lock, while running. */
  readonly pid?: number | undefined;
  /** When the journal was started. */
  readonly startedAt: string;
  /** Outcomes per second: over the last `--watch` interval, or on average since the journal started. */
  readonly ratePerSecond: number;
}

/** One journal line, as far as status reads it. */
interface JournalLine {
  readonly type?: unknown;
  readonly planId?: unknown;
  readonly startedAt?: unknown;
  readonly id?: unknown;
  readonly status?: unknown;
  readonly reason?: unknown;
}

/**
 * Reads a file journal (and the plan `orgport migrate` saved beside it) without taking its
 * lock: counts each operation by its latest outcome, as a resume would. A line cut short by
 * a kill is ignored (a resume removes it). `now` and the journal's own start time give the
 * average rate.
 */
export function readJournalProgress(journal: string, now: number = Date.now()): JournalProgress {
  if (!existsSync(journal)) throw new OrgPortError('invalid_argument', `journal ${journal} does not exist`);
  const lines = readFileSync(journal, 'utf8').split('\n');
  let header: JournalLine | undefined;
  const latest = new Map<string, { status: string; reason: string }>();
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let record: JournalLine;
    try {
      record = JSON.parse(line) as JournalLine;
    } catch {
      if (index === lines.length - 1) continue; // cut short by a kill: a resume removes it
      throw new OrgPortError('invalid_argument', `journal ${journal}: line ${index + 1} is not valid JSON`);
    }
    if (record.type === 'journal') header = record;
    else if (record.type === 'op' && typeof record.id === 'string' && typeof record.status === 'string')
      latest.set(record.id, {
        status: record.status,
        reason: typeof record.reason === 'string' ? record.reason : '',
      });
  }
  if (!header || typeof header.planId !== 'string')
    throw new OrgPortError(
      'invalid_argument',
      `journal ${journal}: no journal header line (not an orgport journal?)`,
    );
  let applied = 0;
  let skipped = 0;
  let failed = 0;
  for (const { status, reason } of latest.values()) {
    if (status === 'applied') applied++;
    else if (status === 'failed') failed++;
    // Journals of earlier versions recorded operations blocked by a failure as skipped.
    else if (status === 'skipped' && !reason.startsWith('an earlier operation')) skipped++;
  }
  const savedPlan = `${journal}.plan.json`;
  const operations = existsSync(savedPlan)
    ? loadPlan(readPlanText(savedPlan), `plan ${savedPlan}`).operations.length
    : undefined;
  const pending = operations === undefined ? undefined : Math.max(0, operations - applied - skipped);
  const owner = readLockOwner(`${journal}.lock`);
  const startedAt =
    typeof header.startedAt === 'string'
      ? header.startedAt
      : new Date(statSync(journal).birthtimeMs).toISOString();
  const elapsedSeconds = Math.max(1, (now - Date.parse(startedAt)) / 1000);
  return {
    planId: header.planId,
    journal,
    state: owner ? 'running' : pending === 0 ? 'finished' : 'stopped',
    operations,
    applied,
    skipped,
    failed,
    pending,
    pid: owner?.pid,
    startedAt,
    ratePerSecond: owner ? latest.size / elapsedSeconds : 0,
  };
}

/** Whether a process with this pid runs on this machine. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The process in a journal's lock file, if a run holds it: a lock left by a process that
 * died on this machine holds nothing (the next run takes it over); one from another
 * machine cannot be checked from here and counts as held.
 */
function readLockOwner(path: string): { pid: number } | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; host?: unknown };
    if (typeof owner.pid !== 'number') return { pid: 0 };
    if (owner.host === hostname() && !isAlive(owner.pid)) return undefined;
    return { pid: owner.pid };
  } catch {
    return { pid: 0 };
  }
}
