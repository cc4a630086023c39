import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The test files each mutation area runs (`MUTATION_AREA`, set by `stryker.config.mjs`):
 * the tests that exercise that code, not the whole suite. Slow end-to-end files (the CLI,
 * the fleet on PostgreSQL, the model-based runs on the simulators) are left out: mutants
 * they alone would kill count as survivors, which keeps the scores honest about the fast
 * tests.
 */
const TESTS: Record<string, string[]> = {
  http: [
    'packages/core/test/**/*.test.ts',
    'reliability/test/secrets.test.ts',
    'reliability/test/bad-input.test.ts',
  ],
  pagination: ['packages/core/test/**/*.test.ts', 'reliability/test/properties.test.ts'],
  migrate: [
    'packages/migrate/test/**/*.test.ts',
    'reliability/test/properties.test.ts',
    'reliability/test/migration-trust.test.ts',
  ],
  // The conformance suites (a simulator per test, three or four variants) are left out:
  // they cost minutes per mutant here; the adapters' own tests remain.
  wire: ['vendors/*/adapter/test/**/*.test.ts'],
};

// The model-based migration test runs every generated case for every mutant it covers:
// fewer cases here (the test command runs 200).
process.env.ORGPORT_MODEL_RUNS ??= '25';

const area = process.env.MUTATION_AREA ?? '';
const include = TESTS[area];
if (!include) throw new Error(`MUTATION_AREA must be one of ${Object.keys(TESTS).join(', ')}; got "${area}"`);

/** Left out per area (see above). */
const EXCLUDE: Record<string, string[]> = { wire: ['vendors/*/adapter/test/conformance.test.ts'] };

// Replaces the include list (mergeConfig would append to it).
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include,
    exclude: [...(base.test?.exclude ?? configDefaults.exclude), ...(EXCLUDE[area] ?? [])],
  },
});
