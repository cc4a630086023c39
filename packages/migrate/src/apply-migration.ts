import type { Directory } from '@orgport/core';
import { OrgPortError, toOrgPortError } from '@orgport/core';
import pLimit from 'p-limit';
import { CurrentGrants } from './current-grants.js';
import { applyGrantDifference } from './grant-difference.js';
import { fileJournalStore, type JournalRun, type JournalStore } from './journal-store.js';
import type {
  MemberOperation,
  MigrationOperation,
  MigrationPlan,
  OrganizationRef,
} from './migration-plan.js';

/** Options of {@link applyMigration}. */
export interface ApplyMigrationOptions {
  /** Where to write. */
  readonly target: Directory;
  /**
   * Where outcomes are recorded: a journal file's path, or any {@link JournalStore}.
   * Without one nothing survives a crash.
   */
  readonly journal?: string | JournalStore | undefined;
  /** Continue the run recorded in `journal`. */
  readonly resume?: boolean | undefined;
  /** Members written at once. Default 4. */
  readonly concurrency?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Called after each operation. */
  readonly onProgress?:
    | ((progress: {
        done: number;
        total: number;
        operation: MigrationOperation;
        status: OperationOutcome['status'];
      }) => void)
    | undefined;
}

/**
 * How one operation ended: `applied`; `skipped` because the target already held it (or an
 * earlier run did it); `failed`; or `blocked`, never attempted because an earlier
 * operation of the same member failed. Only `applied` and `skipped` count as done: a
 * resumed run retries failures and runs blocked operations.
 */
export interface OperationOutcome {
  readonly operation: MigrationOperation;
  readonly status: 'applied' | 'skipped' | 'failed' | 'blocked';
  /** Why it was skipped, failed or blocked. */
  readonly reason?: string | undefined;
  /** The error code of a failure; `conflict` when the target moved since planning. */
  readonly code?: string | undefined;
}

/** What `applyMigration` returns. */
export interface ApplyResult {
  readonly applied: readonly OperationOutcome[];
  readonly skipped: readonly OperationOutcome[];
  readonly failed: readonly OperationOutcome[];
  /** Operations not attempted because an earlier operation of their member failed. */
  readonly blocked: readonly OperationOutcome[];
  /** How old the plan was when the run started, in milliseconds. */
  readonly planAgeMs: number;
  /** Bytes of a journal line cut short by an earlier kill, removed before resuming (0 when none). */
  readonly repairedJournalBytes: number;
}

/** The target moved since planning in a way the plan cannot reconcile. */
class PlanConflict extends Error {}

/** Operations of one member run in order (add before grants before kinds); members run in parallel. */
function chains(operations: readonly MigrationOperation[]): MemberOperation[][] {
  const byMember = new Map<string, MemberOperation[]>();
  for (const operation of operations) {
    if (operation.type === 'create_organization') continue;
    const key = `${operation.organization.id ?? operation.organization.name}\u0000${operation.email.toLowerCase()}`;
    const chain = byMember.get(key) ?? [];
    chain.push(operation);
    byMember.set(key, chain);
  }
  return [...byMember.values()];
}

/**
 * Applies a plan: creates organizations first, then writes each member's operations in
 * order, members in parallel. Every operation is idempotent, and each outcome is appended
 * to the journal as it ends, so a run killed at any point resumes with `resume: true` and
 * ends exactly like an unbroken run. A failed operation blocks the rest of its member's
 * chain (retried on resume) and never stops the others. `set_grants` re-reads the member
 * and applies only the planned difference. The journal is locked while the run lasts.
 * Cancellation (`signal`) stops between operations.
 */
export async function applyMigration(
  plan: MigrationPlan,
  options: ApplyMigrationOptions,
): Promise<ApplyResult> {
  const { target } = options;
  if (plan.target.vendor !== target.name) {
    throw new OrgPortError(
      'invalid_argument',
      `the plan was made for target ${plan.target.vendor}, not ${target.name}`,
    );
  }
  const planAgeMs = Math.max(0, Date.now() - Date.parse(plan.createdAt));
  const store = typeof options.journal === 'object' ? options.journal : fileJournalStore(options.journal);
  const journal = await store.open(plan.planId, options.resume ?? false);
  try {
    return await applyJournaled(plan, options, journal, planAgeMs);
  } finally {
    await journal.close();
  }
}

async function applyJournaled(
  plan: MigrationPlan,
  options: ApplyMigrationOptions,
  journal: JournalRun,
  planAgeMs: number,
): Promise<ApplyResult> {
  const { target, signal } = options;
  const outcomes: OperationOutcome[] = [];
  const currentGrants = new CurrentGrants(target);
  const organizationIds = new Map<string, string>();
  let done = 0;

  const finish = async (
    operation: MigrationOperation,
    status: OperationOutcome['status'],
    reason?: string,
    code?: string,
    result?: Record<string, string>,
  ): Promise<void> => {
    outcomes.push({ operation, status, reason, code });
    // Only what happened is journaled: a blocked operation never ran, and one done in an
    // earlier run is recorded already.
    if (status !== 'blocked' && reason !== 'done in an earlier run')
      await journal.record({ id: operation.id, status, reason, result });
    options.onProgress?.({ done: ++done, total: plan.operations.length, operation, status });
  };

  const organizationId = async (ref: OrganizationRef): Promise<string> => {
    if (ref.id) return ref.id;
    const known = organizationIds.get(ref.name);
    if (known) return known;
    const found = await target.organizations.getByName(ref.name, { signal });
    organizationIds.set(ref.name, found.id);
    return found.id;
  };

  /** Runs one operation; returns a skip reason or a result for the journal. */
  const run = async (
    operation: MigrationOperation,
  ): Promise<{ skipped?: string; result?: Record<string, string> }> => {
    const call = { signal };
    switch (operation.type) {
      case 'create_organization': {
        try {
          const created = await target.organizations.create(
            {
              name: operation.organization.name,
              ...(operation.displayName ? { displayName: operation.displayName } : {}),
            },
            call,
          );
          return { result: { organizationId: created.id } };
        } catch (error) {
          // Created by an earlier run that died before journaling it.
          if (!OrgPortError.is(error, 'already_exists')) throw error;
          const existing = await target.organizations.getByName(operation.organization.name, call);
          return { skipped: 'already exists', result: { organizationId: existing.id } };
        }
      }
      case 'add_member':
        await target.members.add(await organizationId(operation.organization), [operation.userId], call);
        return {};
      case 'set_grants': {
        const orgId = await organizationId(operation.organization);
        // Change only what the plan changes, against what the target holds now: a group
        // granted there after planning survives, and a conflicting move is refused.
        const current = await currentGrants.of(orgId, operation.userId, operation.expected, signal);
        const next = applyGrantDifference(current, operation);
        if (next.kind === 'conflict') throw new PlanConflict(next.reason);
        if (next.kind === 'unchanged') return { skipped: 'already held' };
        await target.permissions.set(orgId, operation.userId, next.grants, call);
        return {};
      }
      case 'grant_kind':
      case 'revoke_kind': {
        const port = operation.kind === 'admin' ? target.admins : target.billingManagers;
        const orgId = await organizationId(operation.organization);
        if (operation.type === 'grant_kind') await port.grant(orgId, operation.userId, call);
        else await port.revoke(orgId, operation.userId, call);
        return {};
      }
      case 'invite': {
        const orgId = await organizationId(operation.organization);
        // An earlier run may have sent it before dying: never invite twice.
        for await (const invitation of target.invitations.list(orgId, call)) {
          if (!invitation.expired && invitation.email.toLowerCase() === operation.email.toLowerCase())
            return { skipped: 'already invited' };
        }
        await target.invitations.create(
          orgId,
          { email: operation.email, grants: [...operation.grants] },
          call,
        );
        return {};
      }
      case 'remove_member':
        await target.members.remove(await organizationId(operation.organization), [operation.userId], call);
        return {};
    }
  };

  const execute = async (operation: MigrationOperation): Promise<boolean> => {
    const recorded = journal.get(operation.id);
    if (recorded && journal.isDone(operation.id)) {
      if (recorded.result?.organizationId && operation.type === 'create_organization')
        organizationIds.set(operation.organization.name, recorded.result.organizationId);
      await finish(operation, 'skipped', 'done in an earlier run');
      return true;
    }
    if (signal?.aborted) throw toOrgPortError(signal.reason ?? new DOMException('aborted', 'AbortError'));
    try {
      const { skipped, result } = await run(operation);
      if (result?.organizationId && operation.type === 'create_organization')
        organizationIds.set(operation.organization.name, result.organizationId);
      await finish(operation, skipped ? 'skipped' : 'applied', skipped, undefined, result);
      return true;
    } catch (error) {
      if (error instanceof PlanConflict) {
        await finish(operation, 'failed', `conflict: ${error.message}`, 'conflict');
        return false;
      }
      const failure = toOrgPortError(error, target.name);
      if (failure.code === 'cancelled') throw failure;
      await finish(operation, 'failed', failure.message, failure.code);
      return false;
    }
  };

  for (const operation of plan.operations)
    if (operation.type === 'create_organization') await execute(operation);

  const limit = pLimit(Math.max(1, options.concurrency ?? 4));
  await Promise.all(
    chains(plan.operations).map((chain) =>
      limit(async () => {
        for (const [index, operation] of chain.entries()) {
          if (await execute(operation)) continue;
          for (const rest of chain.slice(index + 1))
            await finish(
              rest,
              'blocked',
              `not attempted: an earlier operation for ${operation.email} failed`,
            );
          return;
        }
      }),
    ),
  );

  return {
    applied: outcomes.filter((o) => o.status === 'applied'),
    skipped: outcomes.filter((o) => o.status === 'skipped'),
    failed: outcomes.filter((o) => o.status === 'failed'),
    blocked: outcomes.filter((o) => o.status === 'blocked'),
    planAgeMs,
    repairedJournalBytes: journal.repairedBytes,
  };
}
