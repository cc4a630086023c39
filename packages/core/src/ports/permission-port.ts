import type { GrantInput, GrantScope, PermissionGrant, PermissionGroup } from '../domain/index.js';
import type { CallOptions, ListOptions } from './call-options.js';
import type { Page } from './page.js';

/** Permission groups and grants, as an adapter implements them. Methods are gated by capabilities. */
export interface PermissionPort {
  /**
   * One page of the permission groups the credentials can see, in one scope (an
   * organization's roles, or one product's groups) or in every scope when `scope` is
   * undefined. An unknown product → `not_found`. Capability `permissions.groups`.
   */
  groups?(scope: GrantScope | undefined, options: ListOptions): Promise<Page<PermissionGroup>>;
  /** Every grant a member holds in the organization. Capability `permissions.grants`. */
  grants?(organizationId: string, userId: string, options: CallOptions): Promise<readonly PermissionGrant[]>;
  /**
   * Makes the member's grants exactly `grants` (grants not listed are revoked). A group
   * that does not exist → `not_found`. Capability `permissions.set`.
   */
  set?(
    organizationId: string,
    userId: string,
    grants: readonly GrantInput[],
    options: CallOptions,
  ): Promise<void>;
  /** Revokes the listed grants; revoking one not held is not an error. Capability `permissions.revoke`. */
  revoke?(
    organizationId: string,
    userId: string,
    grants: readonly GrantInput[],
    options: CallOptions,
  ): Promise<void>;
}
