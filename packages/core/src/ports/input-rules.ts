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
}
