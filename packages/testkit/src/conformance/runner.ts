/**
 * The test-runner functions the suite registers tests with. Vitest's fit in a few lines
 * (the default); other runners can be adapted the same way.
 */
export interface ConformanceRunner {
  /** Groups tests. */
  describe(name: string, body: () => void): void;
  /**
   * Registers a test. `body` receives `skip(reason)`, which must mark the running test as
   * skipped (the suite calls it when the adapter's manifest says the test does not apply).
   */
  it(name: string, body: (skip: (reason: string) => void) => Promise<void>, timeoutMs?: number): void;
  /** Registers a test that is skipped outright (its reason is in the name). */
  skip(name: string, body: () => Promise<void>): void;
}
