import type { Faults, RequestStats } from '@orgport/simulator-kit';
import type { WorkOSApiClient } from './workos-api-client.js';

/**
 * A running WorkOS-shaped API the conformance suite tests against (the official emulator
 * or this simulator): where it is, how to seed it behind the adapter's back, and the API
 * key each adapter gets.
 */
export interface WorkOSTarget {
  /** Origin on 127.0.0.1. */
  readonly url: string;
  /** The seeder's client (its keys are none of the adapters'). */
  readonly seeder: WorkOSApiClient;
  /** Whether the environment holds several roles per membership. */
  readonly multipleRoles: boolean;
  /** An API key for the next adapter (the emulator limits each key to 1,000 requests per 60 s). */
  adapterKey(): string;
  /** Counts a request an adapter sent (for targets that keep no statistics of their own). */
  countRequest(): void;
  /** Requests adapters have sent so far. */
  readonly adapterRequests: () => number;
  /**
   * Seeds `count` users as ordinary members at once, where the target can (the simulator's
   * store); the harness falls back to the API.
   */
  readonly seedMembers?:
    | ((organizationId: string, count: number, emailPrefix: string) => { id: string; email: string }[])
    | undefined;
  /** Removes users at once, where the target can; the harness falls back to the API. */
  readonly removeUsers?: ((userIds: readonly string[]) => void) | undefined;
  /** Request statistics, when the target keeps them. */
  readonly stats?: RequestStats | undefined;
  /** Its own fault injection, when it has one. */
  readonly faults?: Faults | undefined;
  close(): Promise<void>;
}
