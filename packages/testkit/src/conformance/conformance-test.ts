import type {
  Adapter,
  Capabilities,
  CapabilityName,
  Directory,
  ErrorCode,
  OrgPortError,
} from '@orgport/core';
import type { ConformanceHarness, ConformanceSeed } from './harness.js';

/** The groups the suite's tests fall in (usable in `only` / `skip`). */
export const SUITE_GROUPS = [
  'organizations',
  'members',
  'admins',
  'billingManagers',
  'permissions',
  'invitations',
  'connections',
  'products',
  'clientGrants',
  'users',
  'unsupported',
  'robustness',
  'manifest',
] as const;

/** One of {@link SUITE_GROUPS}. */
export type SuiteGroup = (typeof SUITE_GROUPS)[number];

/** What every conformance test receives. */
export interface TestContext {
  /** The harness of this test. */
  readonly harness: ConformanceHarness;
  /** The adapter under test. */
  readonly adapter: Adapter;
  /** The facade over it. */
  readonly directory: Directory;
  /** Seeder. */
  readonly seed: ConformanceSeed;
  /** A unique, vendor-safe name (`<prefix><suffix>`, lowercase). */
  name(suffix: string): string;
  /** An id of the same shape as `id` (uuid stays uuid, digits stay digits) that names nothing. */
  unknownId(id: string): string;
  /** A unique email address. */
  email(local: string): string;
  /** Runs `check` until it passes, within the harness's consistency window. */
  eventually(check: () => Promise<void>): Promise<void>;
  /** Awaits `promise` and asserts it rejects with an `OrgPortError` of `code`. */
  expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<OrgPortError>;
  /**
   * Runs `action` and returns how many requests the adapter sent meanwhile, by the harness's
   * `requestCount`; for a harness that declares `requestCount: 'in-process'`, how many calls
   * reached the adapter's ports. Fails the test when the harness declares neither, so a
   * "before any request" check can never pass for want of a counter.
   */
  requestsDuring(action: () => Promise<unknown>): Promise<number>;
}

/** One test of the suite. */
export interface ConformanceTest {
  /** Its group. */
  readonly group: SuiteGroup;
  /** Its stable name, read as behaviour. */
  readonly name: string;
  /** Capabilities it needs; when one is missing the test is registered as skipped, naming it. */
  readonly requires: readonly CapabilityName[];
  /**
   * A finer condition on the manifest (e.g. a grant scope); returns the reason to skip, or
   * undefined when the test applies.
   */
  readonly unless?: (capabilities: Capabilities) => string | undefined;
  /**
   * When the test is about something that cannot arise for this adapter (it checks that an
   * operation the manifest does NOT declare is refused, and the manifest declares it),
   * returns why. Such a test is not applicable: with the manifest known up front it is not
   * registered at all, so the runner's skip count counts only tests that could apply.
   */
  readonly notApplicable?: (capabilities: Capabilities) => string | undefined;
  /** Seeding methods it needs from the harness. */
  readonly seeds?: readonly (keyof ConformanceSeed)[];
  /** The test. */
  readonly run: (t: TestContext) => Promise<void>;
  /** A longer timeout, for the large paging tests. */
  readonly timeoutMs?: number;
}

/** Options every group's test list is built with. */
export interface SuiteScale {
  /** Members in the large paging test. Default 2,500. */
  readonly largeMemberCount: number;
  /** Page size used where the suite forces many pages. Default 100. */
  readonly pageSize: number;
}
