// Mutation testing, one area at a time: `MUTATION_AREA=http pnpm exec stryker run`
// (or `pnpm mutation`, which runs every area in turn). Not part of `pnpm test`: it is slow.
// See docs/mutation-testing.md.

/** What each area mutates. The tests each area runs are in vitest.mutation.config.ts. */
const AREAS = {
  http: ['packages/core/src/http/**/*.ts'],
  pagination: ['packages/core/src/pagination/**/*.ts'],
  migrate: [
    'packages/migrate/src/**/*.ts',
    '!packages/migrate/src/testing/**',
    '!packages/migrate/src/index.ts',
  ],
  wire: ['vendors/*/adapter/src/wire/**/*.ts'],
};

const area = process.env.MUTATION_AREA ?? '';
if (!(area in AREAS))
  throw new Error(`MUTATION_AREA must be one of ${Object.keys(AREAS).join(', ')}; got "${area}"`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: [...AREAS[area], '!**/index.ts'],
  // Mutates the working tree (restored at the end): the pnpm workspace's links between
  // packages do not survive Stryker's sandbox copy. Do not edit files while it runs.
  inPlace: true,
  coverageAnalysis: 'perTest',
  // Only what changed since the last run is tested again; the file is a local cache
  // (ignored by git), see docs/mutation-testing.md.
  incremental: true,
  incrementalFile: `reports/mutation/${area}-incremental.json`,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${area}.json` },
  concurrency: 2,
  // Per mutant: this much beyond the covering tests' own time (which the dry run measured).
  timeoutMS: 10_000,
  // Types are checked by tsc in the test command; a mutant that does not compile is noise.
  disableTypeChecks: true,
  tempDirName: 'reports/mutation/.stryker-tmp',
  cleanTempDir: 'always',
};
