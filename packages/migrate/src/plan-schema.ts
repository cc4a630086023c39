import { GrantInputSchema, OrgPortError } from '@orgport/core';
import { formatIssues } from '@orgport/core/driver';
import { z } from 'zod';
import type { MigrationPlan } from './migration-plan.js';
import { operationId } from './operation-id.js';

/** Ids as `operationId` makes them: 16 base64url characters (never a path). */
const OperationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16}$/, { error: 'must be an operation id' });
const Text = z.string().min(1).max(1000);
const OrganizationRefSchema = z.object({ id: Text.optional(), name: Text }).strict();
const Grants = z.array(GrantInputSchema).max(1000);
const member = { organization: OrganizationRefSchema, userId: Text, email: Text };

const OperationSchema = z.discriminatedUnion('type', [
  z.object({
    id: OperationIdSchema,
    type: z.literal('create_organization'),
    organization: OrganizationRefSchema,
    displayName: Text.optional(),
  }),
  z.object({ id: OperationIdSchema, type: z.literal('add_member'), ...member }),
  z.object({ id: OperationIdSchema, type: z.literal('remove_member'), ...member }),
  z.object({
    id: OperationIdSchema,
    type: z.literal('invite'),
    organization: OrganizationRefSchema,
    email: Text,
    grants: Grants,
    labels: z.array(z.string()).optional(),
  }),
  z.object({
    id: OperationIdSchema,
    type: z.literal('set_grants'),
    ...member,
    grants: Grants,
    add: Grants,
    remove: Grants,
    expected: Grants,
    labels: z.array(z.string()).optional(),
  }),
  z.object({
    id: OperationIdSchema,
    type: z.enum(['grant_kind', 'revoke_kind']),
    ...member,
    kind: z.enum(['admin', 'billing_manager']),
  }),
]);

const LossSchema = z.object({
  organization: z.string(),
  email: z.string().optional(),
  item: z.string(),
  reason: z.string(),
  severity: z.enum(['warn', 'skip', 'info']),
});

/** A plan file: every field checked, nothing trusted. */
export const MigrationPlanSchema = z.object({
  format: z.literal('orgport.plan'),
  version: z.literal(1),
  planId: OperationIdSchema,
  createdAt: z.iso.datetime(),
  source: z.object({ vendor: Text }),
  target: z.object({ vendor: Text }),
  operations: z.array(OperationSchema),
  losses: z.array(LossSchema),
  summary: z.object({
    organizations: z.number().int().min(0),
    members: z.number().int().min(0),
    operations: z.record(z.string(), z.number().int().min(0)),
    totalOperations: z.number().int().min(0),
    losses: z.number().int().min(0),
    pendingInvitations: z.number().int().min(0).optional(),
  }),
});

/**
 * Reads a plan (JSON text or a parsed object) and checks all of it: the schema of every
 * operation (refused naming the field), unique operation ids, and that `planId` is the hash
 * of the operations (a plan edited or cut after it was made is refused).
 */
export function loadPlan(input: string | unknown, where = 'plan'): MigrationPlan {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new OrgPortError('invalid_argument', `${where} is not valid JSON (cut short?)`);
    }
  }
  const parsed = MigrationPlanSchema.safeParse(value);
  if (!parsed.success) throw new OrgPortError('invalid_argument', `${where}: ${formatIssues(parsed.error)}`);
  const plan = parsed.data as MigrationPlan;
  const ids = plan.operations.map((operation) => operation.id);
  if (new Set(ids).size !== ids.length)
    throw new OrgPortError('invalid_argument', `${where}: operations: an operation id appears twice`);
  if (operationId(ids) !== plan.planId)
    throw new OrgPortError(
      'invalid_argument',
      `${where}: planId does not match its operations (the plan was changed after it was made); plan again`,
    );
  return plan;
}
