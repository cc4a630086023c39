import { randomBytes } from 'node:crypto';
import type { ConformanceTest } from './conformance-test.js';
import type { ConformanceHarness, HarnessContext } from './harness.js';
import { type SelectionOptions, selectTests } from './select-tests.js';
import { createTestContext } from './test-context.js';

/** Builds a harness for one test. */
export type MakeHarness = (context: HarnessContext) => Promise<ConformanceHarness> | ConformanceHarness;

/** A fresh random prefix: 6 lowercase letters or digits and a dash. */
export function randomPrefix(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return `${[...randomBytes(6)].map((byte) => alphabet[byte % alphabet.length]).join('')}-`;
}

/**
 * Runs one test on a fresh harness and always closes it. When the harness's manifest says
 * the test does not apply, returns the reason instead of running it.
 */
export async function runOneTest(
  test: ConformanceTest,
  makeHarness: MakeHarness,
  suiteName: string,
  selection: SelectionOptions = {},
): Promise<string | undefined> {
  const prefix = randomPrefix();
  const harness = await makeHarness({ prefix, testName: `${suiteName} › ${test.name}` });
  try {
    const [verdict] = selectTests([test], harness.adapter.capabilities, selection);
    if (verdict?.skipReason !== undefined) return verdict.skipReason;
    await test.run(createTestContext(harness, prefix));
    return undefined;
  } finally {
    await harness.close();
  }
}
