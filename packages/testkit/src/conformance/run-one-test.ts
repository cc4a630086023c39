import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Capabilities } from '@orgport/core';
import type { ConformanceTest } from './conformance-test.js';
import type { ConformanceHarness, HarnessContext } from './harness.js';
import { type SelectedTest, type SelectionOptions, selectTests } from './select-tests.js';
import { createTestContext } from './test-context.js';

/** Builds a harness for one test. */
export type MakeHarness = (context: HarnessContext) => Promise<ConformanceHarness> | ConformanceHarness;

/** A fresh random prefix: 6 lowercase letters or digits and a dash. */
export function randomPrefix(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return `${[...randomBytes(6)].map((byte) => alphabet[byte % alphabet.length]).join('')}-`;
}

/** Why a test did not run: it cannot apply to the adapter, or it does not apply now. */
export type TestVerdict = Pick<SelectedTest, 'notApplicable' | 'skipReason'>;

/**
 * Runs one test on a fresh harness and always closes it. When the harness's manifest says
 * the test does not apply, returns why instead of running it (an empty verdict: it ran).
 * With `declared` (the manifest the tests were registered from), a harness whose adapter
 * declares anything else fails the test: a stale manifest must not hide tests.
 */
export async function runOneTest(
  test: ConformanceTest,
  makeHarness: MakeHarness,
  suiteName: string,
  selection: SelectionOptions = {},
  declared?: Capabilities,
): Promise<TestVerdict> {
  const prefix = randomPrefix();
  const harness = await makeHarness({ prefix, testName: `${suiteName} › ${test.name}` });
  try {
    if (declared)
      assert.deepStrictEqual(
        harness.adapter.capabilities,
        declared,
        `${suiteName}: the capabilities given to the suite differ from the adapter's manifest`,
      );
    const [verdict] = selectTests([test], harness.adapter.capabilities, selection);
    if (verdict?.notApplicable !== undefined) return { notApplicable: verdict.notApplicable };
    if (verdict?.skipReason !== undefined) return { skipReason: verdict.skipReason };
    await test.run(createTestContext(harness, prefix));
    return {};
  } finally {
    await harness.close();
  }
}
