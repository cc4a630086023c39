import type { Member, Organization } from '../domain/index.js';
import type { CallOptions, ListOptions } from './call-options.js';
import type { Page } from './page.js';

/** Memberships, as an adapter implements them. Methods are gated by capabilities. */
export interface MemberPort {
  /**
   * One page of every user who belongs to the organization in any kind, each once, with
   * kinds, roles and grants filled in. Unknown organization → `not_found`.
   * Capability `members.list`.
   */
  list?(organizationId: string, options: ListOptions): Promise<Page<Member>>;
  /**
   * Adds existing users as ordinary members. Adding a current member is not an error.
   * An unknown user → `not_found`. Capability `members.add`.
   */
  add?(organizationId: string, userIds: readonly string[], options: CallOptions): Promise<void>;
  /** Removes users from the organization in every kind. Removing a non-member is not an error. Capability `members.remove`. */
  remove?(organizationId: string, userIds: readonly string[], options: CallOptions): Promise<void>;
  /** One page of the organizations a user belongs to. Capability `members.organizationsOf`. */
  organizationsOf?(userId: string, options: ListOptions): Promise<Page<Organization>>;
}
