import { defineConfig } from 'vitest/config';

// One workspace config. Packages resolve to their TypeScript sources through the
// `@orgport/source` export condition, so tests never run against stale `dist/` output
// and every package shares one copy of core.
export default defineConfig({
  resolve: { conditions: ['@orgport/source'] },
  ssr: { resolve: { conditions: ['@orgport/source'] } },
  test: {
    include: [
      'packages/*/test/**/*.test.ts',
      'vendors/*/*/test/**/*.test.ts',
      'examples/*/test/**/*.test.ts',
      'reliability/test/**/*.test.ts',
      'bench/test/**/*.test.ts',
    ],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
