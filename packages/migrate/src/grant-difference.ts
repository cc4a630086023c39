import { type GrantInput, type PermissionGrant, scopeKey } from '@orgport/core';

/** A stable key of a grant: scope and group. */
export const grantKey = (grant: GrantInput): string => `${scopeKey(grant.scope)}#${grant.groupId}`;

/** A grant as read back from a vendor, as the input that would set it. */
export const toGrantInput = (grant: PermissionGrant): GrantInput => ({
  scope:
    grant.scope.type === 'organization'
      ? { type: 'organization' }
      : { type: 'product', productId: grant.scope.productId },
  groupId: grant.group.id,
});

/** Whether two grant lists hold the same grants, in any order. */
export function sameGrants(a: readonly GrantInput[], b: readonly GrantInput[]): boolean {
  const keys = new Set(a.map(grantKey));
  return a.length === b.length && b.every((grant) => keys.has(grantKey(grant)));
}

/** The change a plan makes to one member's grants, and what it saw when it was made. */
export interface PlannedGrantChange {
  /** Grants the plan adds. */
  readonly add: readonly GrantInput[];
  /** Grants the plan removes. */
  readonly remove: readonly GrantInput[];
  /** The member's grants on the target when the plan was made. */
  readonly expected: readonly GrantInput[];
}

/** The outcome of applying a planned change to what the target holds now. */
export type GrantDifferenceResult =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'set'; readonly grants: readonly GrantInput[] }
  | { readonly kind: 'conflict'; readonly reason: string };

/**
 * Applies a planned change to the grants a member holds **now**: removes what the plan
 * removes, adds what it adds, and keeps everything else (so a group granted on the
 * target after planning survives an old plan). When the target moved in a way the plan
 * cannot reconcile (a product now holds another group than the one the plan saw and
 * meant to replace: product scopes hold one group per member), it reports a conflict
 * instead of overwriting.
 */
export function applyGrantDifference(
  current: readonly GrantInput[],
  change: PlannedGrantChange,
): GrantDifferenceResult {
  const removed = new Set(change.remove.map(grantKey));
  const next = current.filter((grant) => !removed.has(grantKey(grant)));
  const held = new Set(next.map(grantKey));
  for (const grant of change.add) {
    if (held.has(grantKey(grant))) continue;
    if (grant.scope.type === 'product') {
      const { productId } = grant.scope;
      const other = next.find((g) => g.scope.type === 'product' && g.scope.productId === productId);
      if (other) {
        return {
          kind: 'conflict',
          reason: `product ${productId} now holds group ${other.groupId}, which the plan did not expect; re-plan`,
        };
      }
    }
    next.push(grant);
    held.add(grantKey(grant));
  }
  return sameGrants(current, next) ? { kind: 'unchanged' } : { kind: 'set', grants: next };
}
