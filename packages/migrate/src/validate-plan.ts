import { type Directory, OrgPortError } from '@orgport/core';
import type { Loss, MigrationOperation } from './migration-plan.js';
import { operationProblem } from './plan-schema.js';

/** A valid id standing for an organization the plan creates (its real id exists only after apply). */
const PLANNED_ORGANIZATION_ID = 'planned-organization';

/** The error the target would refuse one planned operation with, checked without sending it. */
function refusal(target: Directory, operation: MigrationOperation): OrgPortError | undefined {
  const organizationId = operation.organization.id ?? PLANNED_ORGANIZATION_ID;
  switch (operation.type) {
    case 'create_organization':
      return target.check('organizations.create', {
        name: operation.organization.name,
        ...(operation.displayName ? { displayName: operation.displayName } : {}),
      });
    case 'add_member':
      return target.check('members.add', organizationId, [operation.userId]);
    case 'remove_member':
      return target.check('members.remove', organizationId, [operation.userId]);
    case 'invite':
      return target.check('invitations.create', organizationId, {
        email: operation.email,
        grants: [...operation.grants],
      });
    case 'set_grants':
      return target.check('permissions.set', organizationId, operation.userId, [...operation.grants]);
    case 'grant_kind':
    case 'revoke_kind': {
      const port = operation.kind === 'admin' ? 'admins' : 'billingManagers';
      const verb = operation.type === 'grant_kind' ? 'grant' : 'revoke';
      return target.check(`${port}.${verb}`, organizationId, operation.userId);
    }
  }
}

/**
 * Keeps only the operations the target would accept, checked with the target's own input
 * rules (capabilities, schemas, graded rules, vendor rules) while planning: a plan that
 * validates is a plan that applies. A refused operation becomes a loss naming the reason;
 * the operations that depend on it (everything in a refused organization, the rest of a
 * refused member's chain) are dropped with it.
 */
export function keepAcceptedOperations(
  target: Directory,
  operations: readonly MigrationOperation[],
  sourceOrganizationOf: (operation: MigrationOperation) => string,
  severity: Loss['severity'],
): { operations: MigrationOperation[]; losses: Loss[] } {
  const kept: MigrationOperation[] = [];
  const losses: Loss[] = [];
  const refusedOrganizations = new Set<string>();
  const refusedMembers = new Set<string>();
  for (const operation of operations) {
    const organizationKey = operation.organization.id ?? `name:${operation.organization.name}`;
    const memberKey =
      operation.type === 'create_organization'
        ? undefined
        : `${organizationKey}\u0000${operation.email.toLowerCase()}`;
    if (refusedOrganizations.has(organizationKey)) continue;
    if (memberKey && refusedMembers.has(memberKey)) continue;
    const problem = operationProblem(operation);
    const refused = problem
      ? new OrgPortError('invalid_argument', `a plan cannot carry it: ${problem}`)
      : refusal(target, operation);
    if (!refused) {
      kept.push(operation);
      continue;
    }
    if (memberKey) refusedMembers.add(memberKey);
    else refusedOrganizations.add(organizationKey);
    losses.push({
      organization: sourceOrganizationOf(operation),
      ...(operation.type === 'create_organization' ? {} : { email: operation.email }),
      item: operation.type === 'create_organization' ? 'organization' : operation.type.replace('_', ' '),
      reason: problem ? refused.message : `the target refuses it: ${refused.message}`,
      severity,
    });
  }
  return { operations: kept, losses };
}
