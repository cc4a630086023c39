import type { PortOf } from '../operations/port-types.js';

/**
 * Enabled login connections, as an adapter implements them. Derived from the operation table: each method is
 * optional, gated by the capability `connections.<method>`, and takes the validated arguments
 * of its operation followed by the call (or list) options.
 */
export type ConnectionPort = PortOf<'connections'>;
