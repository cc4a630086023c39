/**
 * Advisory-lock keys of the fleet: the two-int form `pg_advisory_lock(space, key)`, so the
 * fleet's locks show in `pg_locks` as `classid = space, objid = key` and never collide with
 * an application's one-key locks.
 */
export const LOCK_SPACE = {
  /** Held by a worker process for as long as it lives: its liveness. */
  worker: 0x4f50_0001,
  /** Held while a member chain runs: one runner per chain, whatever the job engine does. */
  chain: 0x4f50_0002,
  /** Held by a single-process run of a plan's journal. */
  plan: 0x4f50_0003,
  /** Held while the fleet's schema is created. */
  schema: 0x4f50_0004,
} as const;

/** A text's 31-bit FNV-1a hash: a lock key that is the same in every process. */
export function advisoryKey(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash & 0x7fff_ffff;
}
