import { defineConfig } from 'vitest/config';
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
  wire: ['vendors/*/adapter/test/**/*.test.ts'],
};

const area = process.env.MUTATION_AREA ?? '';
const include = TESTS[area];
if (!include) throw new Error(`MUTATION_AREA must be one of ${Object.keys(TESTS).join(', ')}; got "${area}"`);

// Replaces the include list (mergeConfig would append to it).
export default defineConfig({ ...base, test: { ...base.test, include } });
