import { availableParallelism } from 'node:os';
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
    // Most files wait on sockets and child processes, not the CPU: two at a time even on a
    // two-core machine (vitest's default there is one) halves the run.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
