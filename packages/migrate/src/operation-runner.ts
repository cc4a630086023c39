import type { Directory, Logger, Tracer } from '@orgport/core';
import { OrgPortError, throwIfAborted, toCallFailure } from '@orgport/core';
import { CurrentGrants } from './current-grants.js';
import { applyGrantDifference } from './grant-difference.js';
import { writeGrantChange } from './grant-write.js';
import type { JournalRun } from './journal-store.js';
import type { MemberOperation, MigrationOperation, OrganizationRef } from './migration-plan.js';
import type { OperationOutcome } from './operation-outcome.js';

/** The part of a journal an {@link OperationRunner} reads and writes. */
export type JournalView = Pick<JournalRun, 'get' | 'isDone' | 'record'>;

/** Options of {@link createOperationRunner}. */
export interface OperationRunnerOptions {
  /** Where to write. */
  readonly target: Directory;
  /** Outcomes of earlier runs, and where this run's are recorded. */
  readonly journal: JournalView;
  /** Stops the runner between operations. */
  readonly signal?: AbortSignal | undefined;
  /** Told of every outcome, journaled or not (`blocked` never is). */
  readonly onOutcome?: ((outcome: OperationOutcome) => void) | undefined;
  /**
   * Target ids of organizations by name, read and filled by the runner (a fleet worker
   * shares one across its chains, so a created organization is looked up once).
   */
  readonly organizationIds?: Map<string, string> | undefined;
  /** What members hold on the target now (a fleet worker shares one across its chains). */
  readonly currentGrants?: CurrentGrants | undefined;
  /** Records one span per operation run (not for those done in an earlier run). */
  readonly tracer?: Tracer | undefined;
  /** Told of every outcome: failures as `warn`, the rest as `debug`. */
  readonly logger?: Logger | undefined;
}

/**
 * Runs a plan's operations one at a time against the target, each idempotent and
 * journaled as it ends: the engine both `applyMigration` (one process) and the fleet's
 * workers (many) drive.
 */
export interface OperationRunner {
  /** Runs one operation (skipped when the journal holds it done); false when it failed. */
  execute(operation: MigrationOperation): Promise<boolean>;
  /** Runs a member's chain in order; after a failure the rest is `blocked`, never attempted. */
  runChain(chain: readonly MemberOperation[]): Promise<void>;
}

/** The target moved since planning in a way the plan cannot reconcile. */
class PlanConflict extends Error {}

/** Creates an {@link OperationRunner}. Cancellation (`signal`) throws a `cancelled` error between operations. */
export function createOperationRunner(options: OperationRunnerOptions): OperationRunner {
  const { target, journal, signal, tracer, logger } = options;
  const currentGrants = options.currentGrants ?? new CurrentGrants(target);
  const organizationIds = options.organizationIds ?? new Map<string, string>();

  const finish = async (
    operation: MigrationOperation,
    status: OperationOutcome['status'],
    reason?: string,
    code?: string,
    result?: Record<string, string>,
  ): Promise<void> => {
    // Only what happened is journaled: a blocked operation never ran, and one done in an
    // earlier run is recorded already.
    if (status !== 'blocked' && reason !== 'done in an earlier run')
      await journal.record({ id: operation.id, status, reason, result });
    options.onOutcome?.({ operation, status, reason, code });
    if (logger) {
      // Ids, not emails: a log is no place for the people being migrated (a blocked
      // operation's reason names the member, so it is left out).
      const fields = {
        operationId: operation.id,
        type: operation.type,
        organization: operation.organization.name,
        status,
        code,
        reason: status === 'blocked' ? undefined : reason,
      };
      if (status === 'failed') logger.warn(fields, `${operation.type} failed`);
      else logger.debug(fields, `${operation.type} ${status}`);
    }
  };

  const organizationId = async (ref: OrganizationRef): Promise<string> => {
    if (ref.id) return ref.id;
    const known = organizationIds.get(ref.name);
    if (known) return known;
    const found = await target.organizations.getByName(ref.name, { signal });
    organizationIds.set(ref.name, found.id);
    return found.id;
  };

  /** Emails with a pending invitation, per organization: listed once, at the first invitation. */
  const pendingByOrganization = new Map<string, Promise<Set<string>>>();
  const pendingInvitations = (organizationId: string): Promise<Set<string>> => {
    let pending = pendingByOrganization.get(organizationId);
    if (!pending) {
      pending = (async () => {
        const emails = new Set<string>();
        for await (const invitation of target.invitations.list(organizationId, { signal }))
          if (!invitation.expired) emails.add(invitation.email.toLowerCase());
        return emails;
      })();
      // A failed listing is not kept: the next invitation asks again.
      pending.catch(() => pendingByOrganization.delete(organizationId));
      pendingByOrganization.set(organizationId, pending);
    }
    return pending;
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
        // Read now, right before the write, never reused: what another run or an
        // administrator did a moment ago is seen.
        const current = await currentGrants.of(orgId, operation.userId, operation.expected, signal);
        const next = applyGrantDifference(current, operation);
        if (next.kind === 'conflict') throw new PlanConflict(next.reason);
        if (next.kind === 'unchanged') return { skipped: 'already held' };
        await writeGrantChange(target, orgId, operation.userId, current, operation, next.grants, call);
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
        // An earlier run may have sent it before dying: never invite twice. Its invitations
        // exist before this run began, so one listing per organization (kept, and added to
        // as this run invites) tells, instead of one listing per invitation.
        const pending = await pendingInvitations(orgId);
        const email = operation.email.toLowerCase();
        if (pending.has(email)) return { skipped: 'already invited' };
        await target.invitations.create(
          orgId,
          { email: operation.email, grants: [...operation.grants] },
          call,
        );
        pending.add(email);
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
    throwIfAborted(signal, target.name);
    let done: Awaited<ReturnType<typeof run>>;
    try {
      done = tracer
        ? await tracer.trace(
            `orgport.migrate ${operation.type}`,
            { 'orgport.operation_id': operation.id, 'orgport.organization': operation.organization.name },
            () => run(operation),
          )
        : await run(operation);
    } catch (error) {
      if (error instanceof PlanConflict) {
        await finish(operation, 'failed', `conflict: ${error.message}`, 'conflict');
        return false;
      }
      // Whatever a call failed with once the run was cancelled (a lost lock's session, a
      // stopping worker), it is a cancellation: never recorded as the operation's failure.
      const failure = toCallFailure(error, target.name, signal);
      if (failure.code === 'cancelled') throw failure;
      await finish(operation, 'failed', failure.message, failure.code);
      return false;
    }
    // Outside the try: a journal that cannot record what happened stops the run (resuming
    // redoes the operation, which is idempotent); it is never the operation's failure.
    const { skipped, result } = done;
    if (result?.organizationId && operation.type === 'create_organization')
      organizationIds.set(operation.organization.name, result.organizationId);
    await finish(operation, skipped ? 'skipped' : 'applied', skipped, undefined, result);
    return true;
  };

  return {
    execute,
    async runChain(chain) {
      for (const [index, operation] of chain.entries()) {
        if (await execute(operation)) continue;
        for (const rest of chain.slice(index + 1))
          await finish(rest, 'blocked', `not attempted: an earlier operation for ${operation.email} failed`);
        return;
      }
    },
  };
}
