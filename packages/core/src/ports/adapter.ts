import type { Capabilities } from '../capabilities/capabilities.js';
import type { ClientGrantPort } from './client-grant-port.js';
import type { ConnectionPort } from './connection-port.js';
import type { InputRules } from './input-rules.js';
import type { InvitationPort } from './invitation-port.js';
import type { MemberKindPort } from './member-kind-port.js';
import type { MemberPort } from './member-port.js';
import type { OrganizationPort } from './organization-port.js';
import type { PermissionPort } from './permission-port.js';
import type { ProductPort } from './product-port.js';
import type { UserPort } from './user-port.js';

/**
 * What a vendor adapter is: a name, a capability manifest that tells the truth, and the
 * ports it implements. Wrap it with `createDirectory(adapter)`; never call ports directly
 * from application code (the facade validates, pages and checks capabilities).
 */
export interface Adapter {
  /** Short, stable vendor name used in errors and events, e.g. `auth0`. */
  readonly name: string;
  /** What this adapter can do; see `defineCapabilities`. */
  readonly capabilities: Capabilities;
  /** Organizations. */
  readonly organizations?: OrganizationPort | undefined;
  /** Memberships. */
  readonly members?: MemberPort | undefined;
  /** Organization admins. */
  readonly admins?: MemberKindPort | undefined;
  /** Billing managers. */
  readonly billingManagers?: MemberKindPort | undefined;
  /** Permission groups and grants. */
  readonly permissions?: PermissionPort | undefined;
  /** Invitations. */
  readonly invitations?: InvitationPort | undefined;
  /** Enabled login connections. */
  readonly connections?: ConnectionPort | undefined;
  /** Products. */
  readonly products?: ProductPort | undefined;
  /** Client grants associated with organizations. */
  readonly clientGrants?: ClientGrantPort | undefined;
  /** Users of the tenant. */
  readonly users?: UserPort | undefined;
  /** The vendor's own input rules (names, formats), checked by the facade before any request. */
  readonly inputRules?: InputRules | undefined;
  /** Releases sockets and timers; the adapter is unusable afterwards. */
  close?(): Promise<void>;
}
