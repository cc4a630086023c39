import type { SuiteGroup, SuiteScale } from './conformance-test.js';
import { type MakeHarness, runOneTest } from './run-one-test.js';
import { allConformanceTests, DEFAULT_SCALE, type SelectionOptions } from './select-tests.js';

/** The outcome of one test in a programmatic run. */
export interface ConformanceResult {
  /** The test's name. */
  readonly name: string;
  /** The test's group (`members`, `unsupported`, `manifest`, …). */
  readonly group: SuiteGroup;
  /**
   * What happened. `not_applicable`: the test cannot arise for this adapter (it checks the
   * refusal of an operation the manifest declares), unlike `skipped`, which could apply.
   */
  readonly outcome: 'passed' | 'failed' | 'skipped' | 'not_applicable';
  /** The failure, or why it did not run. */
  readonly detail?: string | undefined;
}

/** Options of {@link runConformanceTests}. */
export interface RunConformanceTestsOptions extends SelectionOptions {
  /** Label used in harness contexts. */
  readonly name: string;
  /** Called once per test. */
  readonly makeHarness: MakeHarness;
  /** Sizes of the heavy tests. */
  readonly scale?: Partial<SuiteScale> | undefined;
}

/**
 * Runs the suite without a test runner and returns every result: for CI reports, for
 * tools, and for proving that the suite catches broken adapters.
 */
export async function runConformanceTests(options: RunConformanceTestsOptions): Promise<ConformanceResult[]> {
  const scale: SuiteScale = { ...DEFAULT_SCALE, ...options.scale };
  const results: ConformanceResult[] = [];
  for (const test of allConformanceTests(scale)) {
    try {
      const { notApplicable, skipReason } = await runOneTest(
        test,
        options.makeHarness,
        options.name,
        options,
      );
      results.push(
        notApplicable !== undefined
          ? { name: test.name, group: test.group, outcome: 'not_applicable', detail: notApplicable }
          : skipReason !== undefined
            ? { name: test.name, group: test.group, outcome: 'skipped', detail: skipReason }
            : { name: test.name, group: test.group, outcome: 'passed' },
      );
    } catch (error) {
      results.push({
        name: test.name,
        group: test.group,
        outcome: 'failed',
        detail: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return results;
}
