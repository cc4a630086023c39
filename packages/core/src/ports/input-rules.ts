import type { Operation } from '../capabilities/operations.js';

/**
 * A vendor's own rules for input, beyond the neutral schemas: the facade checks them
 * before any request, and tools (the migration planner) check planned writes with them so
 * that a plan holds only what the vendor accepts.
 */
export interface InputRules {
  /**
   * Why the vendor would refuse an operation's validated arguments (e.g. an organization
   * name outside `[a-z0-9_-]{1,50}`), naming the field, or `undefined` when it accepts them.
   */
  check?(operation: Operation, args: readonly unknown[]): string | undefined;
  /**
   * The organization name this vendor accepts for a wanted one (e.g. a slug of
   * "Fundamental Architecture"), for vendors that restrict names. Deterministic.
   */
  organizationName?(name: string): string;
  /**
   * Why this tenant cannot carry an operation at all, whatever its arguments (e.g. Auth0
   * grants the admin kind through a role that does not exist there), found with reads only;
   * `undefined` when it can. Planners ask before planning such writes.
   */
  prerequisite?(operation: Operation, signal?: AbortSignal): Promise<string | undefined>;
}
