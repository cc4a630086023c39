import type { Capabilities } from '@orgport/core';
import { describe, it } from 'vitest';
import { SUITE_GROUPS, type SuiteScale } from './conformance-test.js';
import { type MakeHarness, runOneTest } from './run-one-test.js';
import type { ConformanceRunner } from './runner.js';
import { allConformanceTests, DEFAULT_SCALE, type SelectionOptions, selectTests } from './select-tests.js';

/** Options of {@link runConformanceSuite}. */
export interface ConformanceSuiteOptions extends SelectionOptions {
  /** Shown as the outer `describe`, e.g. the adapter name. */
  readonly name: string;
  /** Called once per test for a fresh world; see `ConformanceHarness`. */
  readonly makeHarness: MakeHarness;
  /**
   * The adapter's manifest, known up front (pass it): tests that cannot apply are then not
   * registered at all, tests whose capabilities are missing are registered as skipped with
   * the reason in their name, and every harness is checked to declare exactly this
   * manifest. Without it, each test checks the manifest of its harness and skips itself at
   * run time, so the runner counts even the not-applicable tests as skipped.
   */
  readonly capabilities?: Capabilities | undefined;
  /** `describe` / `it` / `skip` of the test runner; vitest's by default. */
  readonly runner?: ConformanceRunner | undefined;
  /** Sizes of the heavy tests. */
  readonly scale?: Partial<SuiteScale> | undefined;
  /** Per-test timeout in ms. Default 30 000. */
  readonly timeoutMs?: number | undefined;
}

/** The default runner: vitest's `describe` and `it`, with `context.skip` for run-time skips. */
export const vitestRunner: ConformanceRunner = {
  describe: (name, body) => describe(name, body),
  it: (name, body, timeoutMs) => it(name, (context) => body((reason) => context.skip(reason)), timeoutMs),
  skip: (name, body) => it.skip(name, body),
};

/**
 * Registers the orgport conformance suite with the test runner: one `describe` per group,
 * stable test names, a fresh harness per test. Tests whose capabilities the manifest does
 * not declare are skipped with the reason; every undeclared operation gets its own test
 * that the facade refuses it with `unsupported` before any request (for a declared one that
 * test is not applicable and, given `capabilities`, not registered).
 *
 * @example
 * ```ts
 * import { memoryHarness, runConformanceSuite } from '@orgport/testkit';
 * runConformanceSuite({ name: 'memory', makeHarness: (context) => memoryHarness(context) });
 * ```
 */
export function runConformanceSuite(options: ConformanceSuiteOptions): void {
  const runner = options.runner ?? vitestRunner;
  const scale: SuiteScale = { ...DEFAULT_SCALE, ...options.scale };
  const tests = allConformanceTests(scale);
  const upFront = options.capabilities ? selectTests(tests, options.capabilities, options) : undefined;
  runner.describe(`orgport conformance: ${options.name}`, () => {
    for (const group of SUITE_GROUPS) {
      // Not applicable (known up front): not registered, so never counted as skipped.
      const inGroup = tests.filter(
        (test) =>
          test.group === group && upFront?.find((entry) => entry.test === test)?.notApplicable === undefined,
      );
      if (inGroup.length === 0) continue;
      runner.describe(group, () => {
        for (const test of inGroup) {
          const verdict = upFront?.find((entry) => entry.test === test);
          if (verdict?.skipReason !== undefined) {
            runner.skip(`${test.name} (${verdict.skipReason})`, async () => undefined);
            continue;
          }
          runner.it(
            test.name,
            async (skip) => {
              const { notApplicable, skipReason } = await runOneTest(
                test,
                options.makeHarness,
                options.name,
                options,
                options.capabilities,
              );
              if (notApplicable !== undefined) skip(`not applicable: ${notApplicable}`);
              else if (skipReason !== undefined) skip(skipReason);
            },
            test.timeoutMs ?? options.timeoutMs ?? 30_000,
          );
        }
      });
    }
  });
}
