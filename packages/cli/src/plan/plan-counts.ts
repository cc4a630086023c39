import type { MigrationOperation } from '@orgport/migrate';

/** What a set of operations does, in the words a plan review uses. */
export interface PlanCounts {
  /** Organizations created, members added, kinds granted. */
  readonly add: number;
  /** Members whose grants change. */
  readonly change: number;
  /** Members invited. */
  readonly invite: number;
  /** Members removed and kinds revoked (`--prune`). */
  readonly remove: number;
}

/** Counts operations by what they do, from the operations themselves (never a file's own summary). */
export function planCounts(operations: Iterable<MigrationOperation>): PlanCounts {
  let add = 0;
  let change = 0;
  let invite = 0;
  let remove = 0;
  for (const operation of operations) {
    if (operation.type === 'set_grants') change++;
    else if (operation.type === 'invite') invite++;
    else if (operation.type === 'remove_member' || operation.type === 'revoke_kind') remove++;
    else add++;
  }
  return { add, change, invite, remove };
}
