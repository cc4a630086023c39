import type { PortOf } from '../operations/port-types.js';

/**
 * Memberships, as an adapter implements them. Derived from the operation table: each method is
 * optional, gated by the capability `members.<method>`, and takes the validated arguments
 * of its operation followed by the call (or list) options.
 */
export type MemberPort = PortOf<'members'>;
