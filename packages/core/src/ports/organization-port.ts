import type { PortOf } from '../operations/port-types.js';

/**
 * Organizations, as an adapter implements them. Derived from the operation table: each method is
 * optional, gated by the capability `organizations.<method>`, and takes the validated arguments
 * of its operation followed by the call (or list) options.
 */
export type OrganizationPort = PortOf<'organizations'>;
