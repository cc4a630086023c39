import { createHash, randomBytes } from 'node:crypto';
import type { GrantInput } from '@orgport/core';
import type {
  Loss,
  MigrationOperation,
  MigrationPlan,
  OrganizationRef,
  PlanSummary,
} from './migration-plan.js';

/** A short, stable id of some content: the same content always gets the same id. */
export function operationId(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

const ref = (organization: OrganizationRef) => [organization.id ?? null, organization.name];
const grants = (list: readonly GrantInput[]) =>
  list.map((grant) => [
    grant.scope.type,
    grant.scope.type === 'product' ? grant.scope.productId : null,
    grant.groupId,
  ]);
const labels = (list: readonly string[] | undefined) => list ?? null;

/** Every field of an operation but its id, in a fixed order (whatever order its keys were written in). */
function contents(operation: MigrationOperation): unknown[] {
  switch (operation.type) {
    case 'create_organization':
      return [operation.type, ref(operation.organization), operation.displayName ?? null];
    case 'add_member':
    case 'remove_member':
      return [operation.type, ref(operation.organization), operation.userId, operation.email];
    case 'invite':
      return [
        operation.type,
        ref(operation.organization),
        operation.email,
        grants(operation.grants),
        labels(operation.labels),
      ];
    case 'set_grants':
      return [
        operation.type,
        ref(operation.organization),
        operation.userId,
        operation.email,
        grants(operation.grants),
        grants(operation.add),
        grants(operation.remove),
        grants(operation.expected),
        labels(operation.labels),
      ];
    case 'grant_kind':
    case 'revoke_kind':
      return [operation.type, ref(operation.organization), operation.userId, operation.email, operation.kind];
  }
}

/**
 * The id an operation must carry: a hash of every one of its fields (organization, email,
 * user, grants, kind, labels, …), so changing any field of a planned operation changes the
 * id it should have.
 */
export function operationIdOf(operation: Omit<MigrationOperation, 'id'> | MigrationOperation): string {
  return operationId(['op', ...contents(operation as MigrationOperation)]);
}

/** A fresh random nonce for a new plan (base64url, 22 characters). */
export function planNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** What a plan's id binds: everything in it but the id. */
export type PlanContents = Omit<MigrationPlan, 'planId'>;

const loss = (entry: Loss) => [
  entry.organization,
  entry.email ?? null,
  entry.item,
  entry.reason,
  entry.severity,
];
const summary = (entry: PlanSummary) => [
  entry.organizations,
  entry.members,
  Object.entries(entry.operations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  entry.totalOperations,
  entry.losses,
  entry.pendingInvitations ?? null,
];

/**
 * A plan's id: a hash of its nonce, creation instant, vendors, operation ids (each bound to
 * its operation), losses and summary. Two plans never share an id, even with the same
 * operations (a re-plan after the target was reset gets a new one), and any change to a
 * plan changes the id it should have.
 */
export function planIdOf(plan: PlanContents): string {
  return operationId([
    'plan',
    plan.version,
    plan.nonce,
    plan.createdAt,
    plan.source.vendor,
    plan.target.vendor,
    plan.operations.map((operation) => operation.id),
    plan.losses.map(loss),
    summary(plan.summary),
  ]);
}
