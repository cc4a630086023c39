import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The generator runs on a scratch copy of the files it reads and writes, so a test can add
// vendor folders without touching the repository.
const ROOT = resolve(import.meta.dirname, '../../..');
const SCRIPT = join(ROOT, 'scripts/generate-workspace.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'orgport-generate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const GENERATED = [
  'packages/cli/src/vendors/vendor-registry.ts',
  'tsconfig.json',
  'packages/cli/tsconfig.json',
  'packages/cli/package.json',
];
/** What the generator reads of every vendor folder of the repository: its packages and its vendor module. */
function vendorFiles(): string[] {
  const files: string[] = [];
  for (const name of readdirSync(join(ROOT, 'vendors'))) {
    const adapter = join('vendors', name, 'adapter', 'package.json');
    if (!existsSync(join(ROOT, adapter))) continue;
    const entry = (
      JSON.parse(readFileSync(join(ROOT, adapter), 'utf8')) as {
        exports?: Record<string, { '@orgport/source'?: string }>;
      }
    ).exports?.['./vendor']?.['@orgport/source'];
    files.push(adapter);
    if (entry) files.push(join('vendors', name, 'adapter', entry));
    const simulator = join('vendors', name, 'simulator', 'package.json');
    if (existsSync(join(ROOT, simulator))) files.push(simulator);
  }
  return files;
}
for (const path of [...GENERATED, ...vendorFiles()]) {
  mkdirSync(dirname(join(scratch, path)), { recursive: true });
  cpSync(join(ROOT, path), join(scratch, path));
}

const generate = (...args: string[]) =>
  spawnSync(process.execPath, [SCRIPT, '--root', scratch, ...args], { encoding: 'utf8' });
const read = (path: string) => readFileSync(join(scratch, path), 'utf8');

/** Writes vendors/<name>/adapter with a `./vendor` entry exporting `source`. */
function addVendor(name: string, source: string): void {
  const folder = join(scratch, 'vendors', name, 'adapter');
  mkdirSync(join(folder, 'src'), { recursive: true });
  const exports = { './vendor': { '@orgport/source': './src/vendor.ts', default: './dist/vendor.js' } };
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: `@orgport/adapter-${name}`, exports }));
  writeFileSync(join(folder, 'src', 'vendor.ts'), source);
}

describe('scripts/generate-workspace.mjs', () => {
  it('finds the repository up to date', () => {
    const checked = spawnSync(process.execPath, [SCRIPT, '--check'], { encoding: 'utf8' });
    expect([checked.status, checked.stderr]).toEqual([0, '']);
  });

  it('names every stale file when a vendor folder is added, and brings them up to date', () => {
    expect(generate('--check').status).toBe(0);
    addVendor(
      'acme-cloud',
      "export const acmeCloudVendor: VendorDefinition<AcmeConnection> = { name: 'acme-cloud' };\n",
    );
    const stale = generate('--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain(`generated files are stale (vendors/ changed): ${GENERATED.join(', ')}`);
    expect(stale.stderr).toContain('run `npx -y pnpm@10.34.9 generate`');

    expect(generate().status).toBe(0);
    expect(generate('--check').status).toBe(0);
    expect(read('packages/cli/src/vendors/vendor-registry.ts')).toContain(
      "load: async () => (await import('@orgport/adapter-acme-cloud/vendor')).acmeCloudVendor,",
    );
    const references = (JSON.parse(read('tsconfig.json')) as { references: { path: string }[] }).references;
    // A vendor without a simulator folder is one reference; the others keep theirs, in order.
    expect(
      references.map((reference) => reference.path).filter((path) => path.startsWith('vendors/')),
    ).toEqual(
      [
        'vendors/acme-cloud/adapter',
        ...vendorFiles()
          .filter((file) => file.endsWith('package.json'))
          .map((file) => dirname(file)),
      ].sort(),
    );
    const cli = JSON.parse(read('packages/cli/package.json')) as { dependencies: Record<string, string> };
    expect(cli.dependencies['@orgport/adapter-acme-cloud']).toBe('workspace:*');
    expect(cli.dependencies['@orgport/simulator-acme-cloud']).toBeUndefined();
  });

  it('refuses a vendor entry that does not export exactly one definition, naming the file', () => {
    addVendor(
      'two-defs',
      'export const aVendor: VendorDefinition = {};\nexport const bVendor: VendorDefinition = {};\n',
    );
    const refused = generate('--check');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain(
      'vendors/two-defs/adapter/./src/vendor.ts must export exactly one `const …: VendorDefinition` (found 2)',
    );
    rmSync(join(scratch, 'vendors', 'two-defs'), { recursive: true });
  });
});
