import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { OrgPortError } from '@orgport/core';
import { writeWholeFile } from './whole-file.js';

/** Who holds a journal lock. */
interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
}

/**
 * An unreadable lock older than this is left by a crash, not being written: orgport creates
 * its locks whole (written beside, then linked into place), so only an older version or a
 * crash mid-write can leave one empty, and never for this long while alive.
 */
const UNREADABLE_LOCK_STALE_MS = 10_000;

/** Whether a process with this pid runs on this machine. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string'
      ? { pid: owner.pid, host: owner.host, startedAt: String(owner.startedAt) }
      : undefined;
  } catch {
    return undefined;
  }
}

function ageMs(path: string): number | undefined {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** An exclusive lock on a journal, held by this process until released. */
export interface JournalLock {
  /** Removes the lock file (only if this process still holds it). */
  release(): void;
}

/**
 * Creates `path` holding `text`, or fails with EEXIST: the content is written whole to a
 * file beside it first, then hard-linked into place, so the lock is never seen empty or
 * half-written (a full disk fails before the lock exists).
 */
function createWhole(path: string, text: string): void {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeWholeFile(temp, text, 0o600);
    linkSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Takes the lock `${journal}.lock`, created exclusively with this process's pid and host,
 * so two runs can never apply one journal at once. A lock left by a dead process on this
 * host is stale and taken over, and so is an unreadable (empty or cut) lock older than ten
 * seconds; a live holder, or one on another host (which cannot be checked from here), is
 * refused with a message naming it and what to do.
 */
export function lockJournal(journal: string): JournalLock {
  const path = `${journal}.lock`;
  const me: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      createWhole(path, `${JSON.stringify(me)}\n`);
      return {
        release() {
          const owner = readOwner(path);
          if (owner?.pid === me.pid && owner.host === me.host) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(path);
      const age = ageMs(path);
      const stale =
        owner !== undefined
          ? owner.host === me.host && !isAlive(owner.pid)
          : age !== undefined && age > UNREADABLE_LOCK_STALE_MS;
      if (stale && attempt === 0) {
        // Moved aside, not deleted: two runs taking over at once cannot both remove a new lock.
        try {
          renameSync(path, `${path}.stale-${randomBytes(4).toString('hex')}`);
        } catch {
          // Someone else took it over first; the next attempt sees their lock.
        }
        continue;
      }
      throw new OrgPortError(
        'failed_precondition',
        owner
          ? `journal ${journal} is in use by process ${owner.pid} on ${owner.host} (since ${owner.startedAt}); wait for it to finish, or delete ${path} if that run is gone`
          : `journal ${journal} is locked by ${path}, which is unreadable and was written moments ago (a run starting now?); try again in a few seconds, or delete ${path} if no run is using the journal`,
        { meta: { lock: path } },
      );
    }
  }
  throw new OrgPortError('failed_precondition', `journal ${journal}: could not take the lock ${path}`);
}
