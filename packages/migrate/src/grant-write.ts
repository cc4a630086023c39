import type { Directory, GrantInput } from '@orgport/core';
import { grantKey, type PlannedGrantChange } from './grant-difference.js';

/**
 * Writes a planned grant change to one member, given what the member holds now
 * (`current`, read just before) and the grants they should end with (`next`).
 *
 * Where the target adds grants without replacing the others (`permissions.grant`), only
 * the change is sent: the missing added grants, then the held removed ones
 * (`permissions.revoke`; a removed product group that an added group of the same product
 * replaces needs no call). A grant someone else makes between the read and the write is
 * then never taken away, however the two interleave. Elsewhere the whole list is set
 * (`permissions.set`): decided on the fresh read, with the read-to-write window as the
 * only exposure.
 */
export async function writeGrantChange(
  target: Directory,
  organizationId: string,
  userId: string,
  current: readonly GrantInput[],
  change: PlannedGrantChange,
  next: readonly GrantInput[],
  call: { readonly signal?: AbortSignal | undefined },
): Promise<void> {
  const caps = target.capabilities;
  const held = new Set(current.map(grantKey));
  const add = change.add.filter((grant) => !held.has(grantKey(grant)));
  const filledProducts = new Set(
    add.flatMap((grant) => (grant.scope.type === 'product' ? [grant.scope.productId] : [])),
  );
  const remove = change.remove.filter(
    (grant) =>
      held.has(grantKey(grant)) &&
      !(grant.scope.type === 'product' && filledProducts.has(grant.scope.productId)),
  );
  if (caps['permissions.grant'] && (remove.length === 0 || caps['permissions.revoke'])) {
    if (add.length > 0) await target.permissions.grant(organizationId, userId, add, call);
    if (remove.length > 0) await target.permissions.revoke(organizationId, userId, remove, call);
    return;
  }
  await target.permissions.set(organizationId, userId, [...next], call);
}
