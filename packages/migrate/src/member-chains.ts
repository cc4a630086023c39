import type { MemberOperation, MigrationOperation } from './migration-plan.js';

/**
 * A plan's member operations grouped into chains, one per member of an organization, in
 * plan order within each chain (add before grants before kinds). Chains are independent of
 * each other and their order is stable, so a chain's index in this list names it across
 * processes (the fleet's jobs carry only the index).
 */
export function memberChains(operations: readonly MigrationOperation[]): MemberOperation[][] {
  const byMember = new Map<string, MemberOperation[]>();
  for (const operation of operations) {
    if (operation.type === 'create_organization') continue;
    const key = `${operation.organization.id ?? operation.organization.name}\u0000${operation.email.toLowerCase()}`;
    const chain = byMember.get(key);
    if (chain) chain.push(operation);
    else byMember.set(key, [operation]);
  }
  return [...byMember.values()];
}
