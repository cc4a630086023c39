import type { PortOf } from '../operations/port-types.js';

/**
 * Users of the tenant, as an adapter implements them. Derived from the operation table: each method is
 * optional, gated by the capability `users.<method>`, and takes the validated arguments
 * of its operation followed by the call (or list) options.
 */
export type UserPort = PortOf<'users'>;
