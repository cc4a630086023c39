import type { GrantInput } from '@orgport/core';

/** A target organization: by id when it exists, by name when the plan creates it. */
export interface OrganizationRef {
  readonly id?: string | undefined;
  readonly name: string;
}

/** One write the migration will make. Every operation is safe to repeat. */
export type MigrationOperation =
  | {
      readonly id: string;
      readonly type: 'create_organization';
      readonly organization: OrganizationRef;
      readonly displayName?: string | undefined;
    }
  | {
      readonly id: string;
      readonly type: 'add_member';
      readonly organization: OrganizationRef;
      readonly userId: string;
      readonly email: string;
    }
  | {
      readonly id: string;
      readonly type: 'invite';
      readonly organization: OrganizationRef;
      readonly email: string;
      readonly grants: readonly GrantInput[];
      /** Display names of the grants (`Web/Developers`, `editor`). */
      readonly labels?: readonly string[] | undefined;
    }
  | {
      readonly id: string;
      readonly type: 'set_grants';
      readonly organization: OrganizationRef;
      readonly userId: string;
      readonly email: string;
      /** The member's grants after the change, as the plan saw the target. */
      readonly grants: readonly GrantInput[];
      /** Grants the plan adds. Apply changes only these and `remove`, against what the target holds then. */
      readonly add: readonly GrantInput[];
      /** Grants the plan removes. */
      readonly remove: readonly GrantInput[];
      /** The member's grants on the target when the plan was made. */
      readonly expected: readonly GrantInput[];
      /** Display names of the grants (`Web/Developers`, `editor`). */
      readonly labels?: readonly string[] | undefined;
    }
  | {
      readonly id: string;
      readonly type: 'grant_kind' | 'revoke_kind';
      readonly organization: OrganizationRef;
      readonly userId: string;
      readonly email: string;
      readonly kind: 'admin' | 'billing_manager';
    }
  | {
      readonly id: string;
      readonly type: 'remove_member';
      readonly organization: OrganizationRef;
      readonly userId: string;
      readonly email: string;
    };

/** An operation about one member (everything but creating an organization). */
export type MemberOperation = Exclude<MigrationOperation, { readonly type: 'create_organization' }>;

/** The kinds of operation. */
export type OperationType = MigrationOperation['type'];

/** Something the migration cannot carry, and why. */
export interface Loss {
  /** Source organization name. */
  readonly organization: string;
  /** The member concerned (absent for organization-level losses). */
  readonly email?: string | undefined;
  /** What is lost, e.g. `role auditor`, `group Web/Release managers`, `kind billing_manager`. */
  readonly item: string;
  /** Why. */
  readonly reason: string;
  /** `warn` and `skip` follow the mapping's policy; `info` is carried later or implicitly. */
  readonly severity: 'warn' | 'skip' | 'info';
}

/** Counts of a plan. */
export interface PlanSummary {
  readonly organizations: number;
  readonly members: number;
  readonly operations: Readonly<Partial<Record<OperationType, number>>>;
  readonly totalOperations: number;
  readonly losses: number;
  /** Source members invited earlier whose invitation is still pending: more follows once accepted. */
  readonly pendingInvitations?: number | undefined;
}

/** What `planMigration` returns: the writes, what they cannot carry, and counts. */
export interface MigrationPlan {
  readonly format: 'orgport.plan';
  /** 2: operation ids bind every field, and the plan id binds a nonce (version 1 is refused). */
  readonly version: 2;
  /**
   * Hash of everything else in the plan, its nonce included (see `planIdOf`): a journal
   * belongs to exactly one plan, and no two plans share an id.
   */
  readonly planId: string;
  /** Random, drawn when the plan is made: a re-plan with the same operations is another plan. */
  readonly nonce: string;
  readonly createdAt: string;
  readonly source: { readonly vendor: string };
  readonly target: { readonly vendor: string };
  readonly operations: readonly MigrationOperation[];
  readonly losses: readonly Loss[];
  readonly summary: PlanSummary;
}
