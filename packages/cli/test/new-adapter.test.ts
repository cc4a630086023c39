import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `orgport new-adapter` run as an author would, in a scratch copy of the workspace's
// layout; the generated vendor folder's own conformance test then runs (plain and under
// injected faults) against it, with nothing edited.
const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = resolve(import.meta.dirname, '../dist/bin.js');
const scratch = mkdtempSync(join(tmpdir(), 'orgport-scaffold-'));
afterAll(() => {
  // The links go first: the workspace they point into must never be touched.
  rmSync(join(scratch, 'packages'), { force: true });
  rmSync(join(scratch, 'node_modules'), { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

/** Links a package into the scratch workspace's node_modules, as an install would. */
function link(name: string, target: string): void {
  const at = join(scratch, 'node_modules', name);
  mkdirSync(dirname(at), { recursive: true });
  symlinkSync(target, at, 'dir');
}

describe('orgport new-adapter', () => {
  it('creates a vendor folder whose adapter passes the suite plain and under faults, as generated', () => {
    for (const file of ['tsconfig.base.json', 'pnpm-workspace.yaml'])
      cpSync(join(ROOT, file), join(scratch, file));
    writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({ files: [], references: [] }));
    const created = spawnSync(process.execPath, [BIN, 'new-adapter', 'acme-cloud', '--root', scratch], {
      encoding: 'utf8',
    });
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain('Created vendors/acme-cloud (14 files)');
    const references = (
      JSON.parse(readFileSync(join(scratch, 'tsconfig.json'), 'utf8')) as {
        references: { path: string }[];
      }
    ).references.map((r) => r.path);
    expect(references).toEqual(['vendors/acme-cloud/adapter', 'vendors/acme-cloud/simulator']);
    // Refuses to overwrite, and refuses a bad name, in one line each.
    const again = spawnSync(process.execPath, [BIN, 'new-adapter', 'acme-cloud', '--root', scratch], {
      encoding: 'utf8',
    });
    expect([again.status, again.stderr.trim()]).toEqual([
      2,
      `orgport: invalid_argument: vendors/acme-cloud already exists in ${scratch}`,
    ]);
    const bad = spawnSync(process.execPath, [BIN, 'new-adapter', 'Acme_Cloud', '--root', scratch], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);

    // The workspace's own packages, and what `pnpm install` would link.
    symlinkSync(join(ROOT, 'packages'), join(scratch, 'packages'), 'dir');
    for (const name of ['core', 'testkit', 'simulator-kit'])
      link(`@orgport/${name}`, join(ROOT, 'packages', name));
    link('@orgport/adapter-acme-cloud', join(scratch, 'vendors/acme-cloud/adapter'));
    link('@orgport/simulator-acme-cloud', join(scratch, 'vendors/acme-cloud/simulator'));
    link('zod', realpathSync(join(ROOT, 'packages/core/node_modules/zod')));
    link('vitest', realpathSync(join(ROOT, 'node_modules/vitest')));
    writeFileSync(
      join(scratch, 'vitest.config.mjs'),
      `import { defineConfig } from 'vitest/config';
export default defineConfig({
  resolve: { conditions: ['@orgport/source'] },
  ssr: { resolve: { conditions: ['@orgport/source'] } },
  test: { include: ['vendors/*/*/test/**/*.test.ts'] },
});
`,
    );
    const run = spawnSync(
      process.execPath,
      [join(scratch, 'node_modules/vitest/vitest.mjs'), 'run', '--root', scratch, '--reporter', 'dot'],
      { cwd: scratch, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' }, timeout: 120_000 },
    );
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output.slice(-3000)).toBe(0);
    expect(output).toMatch(/Tests\s+\d+ passed \| \d+ skipped/);
  }, 150_000);
});
