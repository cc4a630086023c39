import type { PortOf } from '../operations/port-types.js';

/**
 * One organization-level kind (admins, or billing managers), as an adapter implements it:
 * `list`, `grant` and `revoke`, gated by the capabilities `<kind>.list`, `<kind>.grant`,
 * `<kind>.revoke`. Derived from the operation table.
 */
export type MemberKindPort = PortOf<'admins'>;

/** The admins of organizations. */
export type AdminPort = PortOf<'admins'>;

/** The billing managers of organizations. */
export type BillingManagerPort = PortOf<'billingManagers'>;
