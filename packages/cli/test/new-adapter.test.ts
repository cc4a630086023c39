import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `orgport new-adapter` run as an author would, both paths, in a scratch copy of the
// files the workspace generator reads and writes; the generated vendors' own conformance
// tests then run (plain and under faults) with nothing edited.
const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = resolve(import.meta.dirname, '../dist/bin.js');
const scratch = mkdtempSync(join(tmpdir(), 'orgport-scaffold-'));
const PACKAGES = ['core', 'testkit', 'simulator-kit'];
afterAll(() => {
  // The links go first: the workspace they point into must never be touched.
  for (const name of PACKAGES) rmSync(join(scratch, 'packages', name), { force: true });
  rmSync(join(scratch, 'node_modules'), { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

/** The files scripts/generate-workspace.mjs writes: the only ones outside a vendor folder that may change. */
const GENERATED = [
  'packages/cli/package.json',
  'packages/cli/src/vendors/vendor-registry.ts',
  'packages/cli/tsconfig.json',
  'tsconfig.json',
];

/** Links a package into the scratch workspace's node_modules, as an install would. */
function link(name: string, target: string): void {
  const at = join(scratch, 'node_modules', name);
  mkdirSync(dirname(at), { recursive: true });
  symlinkSync(target, at, 'dir');
}

/** Every file under the scratch root (outside node_modules) with a hash of its content. */
function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(relative(scratch, full), createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(scratch);
  return files;
}

const orgport = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args, '--root', scratch], { encoding: 'utf8' });

describe('orgport new-adapter', () => {
  it('creates vendors (with a simulator, or against an emulator through the fault proxy) that pass the suite plain and under faults, as generated, changing nothing else but generated files', () => {
    for (const path of [
      'tsconfig.base.json',
      'pnpm-workspace.yaml',
      'scripts/generate-workspace.mjs',
      ...GENERATED,
      'vendors/auth0/adapter/package.json',
      'vendors/auth0/adapter/src/auth0-vendor.ts',
      'vendors/auth0/simulator/package.json',
      'vendors/cloud-org/adapter/package.json',
      'vendors/cloud-org/adapter/src/cloud-org-vendor.ts',
      'vendors/cloud-org/simulator/package.json',
    ]) {
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      cpSync(join(ROOT, path), join(scratch, path));
    }
    const before = snapshot();

    const simulated = orgport('new-adapter', 'acme-cloud');
    expect(simulated.status, simulated.stderr).toBe(0);
    expect(simulated.stdout).toContain(
      'Created vendors/acme-cloud (20 files): @orgport/adapter-acme-cloud and @orgport/simulator-acme-cloud.',
    );
    expect(simulated.stdout).toContain('The CLI registry and tsconfig references now list it');
    const emulated = orgport('new-adapter', 'acme-emu', '--emulator');
    expect(emulated.status, emulated.stderr).toBe(0);
    expect(emulated.stdout).toContain(
      'Created vendors/acme-emu (13 files): @orgport/adapter-acme-emu (tested',
    );

    // Outside the two vendor folders, only generated files changed.
    const after = snapshot();
    const changed = [...after]
      .filter(([path, hash]) => before.get(path) !== hash)
      .map(([path]) => path)
      .filter((path) => !path.startsWith('vendors/acme-cloud/') && !path.startsWith('vendors/acme-emu/'));
    expect(changed.sort()).toEqual(GENERATED);
    expect([...before.keys()].filter((path) => !after.has(path))).toEqual([]);
    const registry = readFileSync(join(scratch, 'packages/cli/src/vendors/vendor-registry.ts'), 'utf8');
    expect(registry).toContain("(await import('@orgport/adapter-acme-cloud/vendor')).acmeCloudVendor");
    expect(registry).toContain("(await import('@orgport/adapter-acme-emu/vendor')).acmeEmuVendor");
    expect(snapshot().has('vendors/acme-emu/simulator/package.json')).toBe(false);
    expect(
      readFileSync(join(scratch, 'vendors/acme-emu/adapter/src/acme-emu-vendor.ts'), 'utf8'),
    ).not.toMatch(/simulator|template/);

    // Refuses to overwrite, and refuses a bad name, in one line each.
    const again = orgport('new-adapter', 'acme-cloud');
    expect([again.status, again.stderr.trim()]).toEqual([
      2,
      `orgport: invalid_argument: vendors/acme-cloud already exists in ${scratch}`,
    ]);
    expect(orgport('new-adapter', 'Acme_Cloud').status).toBe(2);

    // What `pnpm install` would link: the workspace's own packages and the new vendors.
    for (const name of PACKAGES) {
      link(`@orgport/${name}`, join(ROOT, 'packages', name));
      symlinkSync(join(ROOT, 'packages', name), join(scratch, 'packages', name), 'dir');
    }
    link('@orgport/adapter-acme-cloud', join(scratch, 'vendors/acme-cloud/adapter'));
    link('@orgport/simulator-acme-cloud', join(scratch, 'vendors/acme-cloud/simulator'));
    link('@orgport/adapter-acme-emu', join(scratch, 'vendors/acme-emu/adapter'));
    link('zod', realpathSync(join(ROOT, 'packages/core/node_modules/zod')));
    link('vitest', realpathSync(join(ROOT, 'node_modules/vitest')));
    // The scratch copy holds only the new vendors' projects; vite reads the root tsconfig.
    writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({ files: [], references: [] }));
    writeFileSync(
      join(scratch, 'vitest.config.mjs'),
      `import { defineConfig } from 'vitest/config';
export default defineConfig({
  resolve: { conditions: ['@orgport/source'] },
  ssr: { resolve: { conditions: ['@orgport/source'] } },
  test: { include: ['vendors/acme-*/*/test/**/*.test.ts'] },
});
`,
    );
    const run = spawnSync(
      process.execPath,
      [join(scratch, 'node_modules/vitest/vitest.mjs'), 'run', '--root', scratch, '--reporter', 'verbose'],
      { cwd: scratch, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' }, timeout: 240_000 },
    );
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output.slice(-3000)).toBe(0);
    expect(output).toMatch(/Test Files\s+2 passed/);
    for (const suite of ['acme-cloud', 'acme-emu'])
      for (const variant of ['plain', 'with 10% injected 429 and 5xx faults'])
        expect(output).toContain(`${suite} adapter ${variant} > orgport conformance: ${suite} > members`);
    expect(output.match(/really injected faults/g)).toHaveLength(2);
  }, 300_000);
});
