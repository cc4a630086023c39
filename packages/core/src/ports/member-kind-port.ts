import type { Member } from '../domain/index.js';
import type { CallOptions, ListOptions } from './call-options.js';
import type { Page } from './page.js';

/**
 * One organization-level kind (admins, or billing managers), as an adapter implements it.
 * Methods are gated by the capabilities `<kind>.list`, `<kind>.grant`, `<kind>.revoke`.
 */
export interface MemberKindPort {
  /** One page of the members who hold this kind. Unknown organization → `not_found`. */
  list?(organizationId: string, options: ListOptions): Promise<Page<Member>>;
  /** Gives an existing member this kind; granting it twice is not an error. */
  grant?(organizationId: string, userId: string, options: CallOptions): Promise<void>;
  /** Takes this kind away; revoking a kind the user lacks is not an error. */
  revoke?(organizationId: string, userId: string, options: CallOptions): Promise<void>;
}

/** The admins of organizations. */
export type AdminPort = MemberKindPort;

/** The billing managers of organizations. */
export type BillingManagerPort = MemberKindPort;
