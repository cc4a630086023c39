import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OrgPortError } from '@orgport/core/errors';
import { writeFileAtomic } from '../files/atomic-file.js';
import { type ScaffoldPath, templateFiles } from './copy-template.js';
import { type VendorNames, vendorNames } from './vendor-names.js';

/** The repository root: the nearest folder at or above `from` holding pnpm-workspace.yaml. */
export function findRepositoryRoot(from: string): string {
  let folder = resolve(from);
  for (;;) {
    if (existsSync(join(folder, 'pnpm-workspace.yaml'))) return folder;
    const parent = dirname(folder);
    if (parent === folder)
      throw new OrgPortError('invalid_argument', `no pnpm-workspace.yaml at or above ${from}: pass --root`);
    folder = parent;
  }
}

/** Formats the new folder with the repository's own Biome, when it has one (the files are valid either way). */
function formatWithBiome(repository: string, folder: string): void {
  const biome = join(repository, 'node_modules', '.bin', 'biome');
  if (!existsSync(biome)) return;
  spawnSync(biome, ['format', '--write', folder], { cwd: repository, stdio: 'ignore' });
}

/** Regenerates the vendor registry and references with the repository's own script, when it has one. */
function generateWorkspace(repository: string): boolean {
  const script = join(repository, 'scripts', 'generate-workspace.mjs');
  if (!existsSync(script)) return false;
  const run = spawnSync(process.execPath, [script, '--root', repository], { encoding: 'utf8' });
  if (run.status !== 0)
    throw new OrgPortError('internal', `scripts/generate-workspace.mjs failed: ${run.stderr.trim()}`);
  return true;
}

/** The template vendor shipped with the CLI (a workspace package, type-checked with the repository). */
const TEMPLATE_ROOT = fileURLToPath(new URL('../../templates/vendor', import.meta.url));

/** What {@link createVendorFolder} made. */
export interface CreatedVendorFolder {
  /** `vendors/<name>`, relative to the repository root. */
  readonly folder: string;
  /** How many files it wrote. */
  readonly files: number;
  /** The name's spellings. */
  readonly names: VendorNames;
  /** Whether the repository's generator ran (registry and references now list the vendor). */
  readonly generated: boolean;
}

/**
 * Writes `vendors/<name>/` under the repository root from the template vendor, renamed,
 * then runs the repository's generator so the CLI registry and the tsconfig references
 * list it. Nothing else outside the folder changes. Refuses a folder that exists.
 */
export function createVendorFolder(
  name: string,
  options: { readonly root?: string | undefined; readonly path?: ScaffoldPath | undefined } = {},
): CreatedVendorFolder {
  const names = vendorNames(name);
  const repository = options.root ? resolve(options.root) : findRepositoryRoot(process.cwd());
  const folder = join('vendors', names.kebab);
  if (existsSync(join(repository, folder)))
    throw new OrgPortError('invalid_argument', `${folder} already exists in ${repository}`);
  const files = templateFiles(TEMPLATE_ROOT, names, options.path ?? 'simulator');
  for (const [path, text] of files) {
    const target = join(repository, folder, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileAtomic(target, text);
  }
  formatWithBiome(repository, folder);
  return { folder, files: files.size, names, generated: generateWorkspace(repository) };
}
