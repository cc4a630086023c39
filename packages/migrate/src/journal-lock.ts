import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { OrgPortError } from '@orgport/core';

/** Who holds a journal lock. */
interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
}

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

/** An exclusive lock on a journal, held by this process until released. */
export interface JournalLock {
  /** Removes the lock file (only if this process still holds it). */
  release(): void;
}

/**
 * Takes the lock `${journal}.lock`, created exclusively with this process's pid and host,
 * so two runs can never apply one journal at once. A lock left by a dead process on this
 * host is stale and taken over; a live holder, or one on another host (which cannot be
 * checked from here), is refused with a message naming it.
 */
export function lockJournal(journal: string): JournalLock {
  const path = `${journal}.lock`;
  const me: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, `${JSON.stringify(me)}\n`);
      } finally {
        closeSync(fd);
      }
      return {
        release() {
          const owner = readOwner(path);
          if (owner?.pid === me.pid && owner.host === me.host) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(path);
      const stale = owner !== undefined && owner.host === me.host && !isAlive(owner.pid);
      // An unreadable lock is one being written right now, or left half-written by a
      // crash: refuse rather than guess.
      if (stale && attempt === 0) {
        rmSync(path, { force: true });
        continue;
      }
      throw new OrgPortError(
        'failed_precondition',
        owner
          ? `journal ${journal} is in use by process ${owner.pid} on ${owner.host} (since ${owner.startedAt}); wait for it to finish, or delete ${path} if that run is gone`
          : `journal ${journal} is locked (${path}); delete it if no run is using the journal`,
        { meta: { lock: path } },
      );
    }
  }
  throw new OrgPortError('failed_precondition', `journal ${journal}: could not take the lock ${path}`);
}
