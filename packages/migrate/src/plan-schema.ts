import { GrantInputSchema, OrgPortError } from '@orgport/core';
import { formatIssues } from '@orgport/core/driver';
import { z } from 'zod';
import type { MigrationOperation, MigrationPlan } from './migration-plan.js';
import { operationIdOf, planIdOf } from './operation-id.js';

/** Ids as `operationId` makes them: 16 base64url characters (never a path). */
const OperationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16}$/, { error: 'must be an operation id' });
/**
 * Text a plan carries from a vendor (names, emails, ids): anything the vendors hold, up to a
 * bound, except NUL, which a PostgreSQL store cannot keep (the planner reports such an item
 * as a loss, so file and store plans agree).
 */
const NoNul = (text: string) => !text.includes('\u0000');
const Text = z.string().min(1).max(65_536).refine(NoNul, { error: 'must not contain a NUL character' });
const Label = z.string().max(65_536).refine(NoNul, { error: 'must not contain a NUL character' });
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
    labels: z.array(Label).optional(),
  }),
  z.object({
    id: OperationIdSchema,
    type: z.literal('set_grants'),
    ...member,
    grants: Grants,
    add: Grants,
    remove: Grants,
    expected: Grants,
    labels: z.array(Label).optional(),
  }),
  z.object({
    id: OperationIdSchema,
    type: z.enum(['grant_kind', 'revoke_kind']),
    ...member,
    kind: z.enum(['admin', 'billing_manager']),
  }),
]);

const LossSchema = z.object({
  organization: Label,
  email: Label.optional(),
  item: Label,
  reason: Label,
  severity: z.enum(['warn', 'skip', 'info']),
});

/** A plan file: every field checked, nothing trusted. */
export const MigrationPlanSchema = z.object({
  format: z.literal('orgport.plan'),
  version: z.literal(2, {
    error:
      'must be 2; a plan of version 1 was made by an earlier orgport, whose ids do not bind its contents: plan again',
  }),
  planId: OperationIdSchema,
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: 'must be a plan nonce' }),
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
 * Why a planned operation could not be written into a plan that loads again (a field the
 * plan schema refuses, e.g. a name with a NUL character), or undefined: the planner reports
 * such an operation as a loss instead of writing a plan its own loader would refuse.
 */
export function operationProblem(operation: MigrationOperation): string | undefined {
  const parsed = OperationSchema.safeParse(operation);
  return parsed.success ? undefined : formatIssues(parsed.error);
}

const refuse = (where: string, message: string) =>
  new OrgPortError('invalid_argument', `${where}: ${message}; plan again rather than editing a plan`);

/**
 * Checks a plan completely and returns it typed: the schema of every field (refused naming
 * the field), each operation's id recomputed from its fields (email, user, organization,
 * grants, kind, labels, …), unique ids, the summary's counts against the operations, and
 * `planId` recomputed from everything else (nonce, creation instant, vendors, operations,
 * losses, summary). Any edit to a plan file, or to a store's copy, that does not recompute
 * these hashes is refused with `invalid_argument` naming what does not match.
 *
 * The hashes are not a signature: whoever can write a plan can also write consistent ones.
 * They make a plan's id stand for its contents (a journal or a store keyed by it can trust
 * that), and turn every careless or partial edit into a clear refusal.
 *
 * The fleet calls this on every plan it reads from its store; `loadPlan` calls it on files.
 *
 * @param input a parsed plan (`JSON.parse` of a plan file, or a store's JSON column)
 * @param where names the plan in error messages (`plan file x.json`, `stored plan …`)
 */
export function verifyPlan(input: unknown, where = 'plan'): MigrationPlan {
  const parsed = MigrationPlanSchema.safeParse(input);
  if (!parsed.success) throw new OrgPortError('invalid_argument', `${where}: ${formatIssues(parsed.error)}`);
  const plan = parsed.data as MigrationPlan;
  const ids = new Set<string>();
  const counts = new Map<string, number>();
  for (const [index, operation] of plan.operations.entries()) {
    if (operation.id !== operationIdOf(operation))
      throw refuse(
        where,
        `operations[${index}] (${operation.type}) does not match its id ${operation.id}: its fields were changed after the plan was made`,
      );
    if (ids.has(operation.id))
      throw refuse(where, `operations: the operation id ${operation.id} appears twice`);
    ids.add(operation.id);
    counts.set(operation.type, (counts.get(operation.type) ?? 0) + 1);
  }
  const { summary } = plan;
  const countsMatch =
    summary.totalOperations === plan.operations.length &&
    summary.losses === plan.losses.length &&
    Object.entries(summary.operations).every(([type, count]) => (counts.get(type) ?? 0) === count) &&
    [...counts].every(
      ([type, count]) => summary.operations[type as keyof typeof summary.operations] === count,
    );
  if (!countsMatch) throw refuse(where, 'summary does not match the operations and losses it counts');
  if (planIdOf(plan) !== plan.planId)
    throw refuse(where, 'planId does not match its contents (the plan was changed after it was made)');
  return plan;
}

/**
 * Reads a plan (JSON text or a parsed object) and checks all of it with {@link verifyPlan}.
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
  return verifyPlan(value, where);
}
