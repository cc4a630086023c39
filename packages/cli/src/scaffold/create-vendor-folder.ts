import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { OrgPortError } from '@orgport/core/errors';
import { writeFileAtomic } from '../files/atomic-file.js';
import { vendorFolderFiles } from './adapter-template.js';
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

/** The versions new packages pin, taken from the CLI's own package.json. */
function pinnedVersions(): Record<string, string> {
  const own = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  return { zod: own.dependencies.zod ?? '4.6.7', vitest: own.devDependencies.vitest ?? '4.1.12' };
}

/**
 * Writes `vendors/<name>/` (adapter and fake vendor) under the repository root and adds
 * both packages to the root `tsconfig.json` references. Refuses a folder that exists.
 */
export function createVendorFolder(
  name: string,
  root?: string,
): { folder: string; files: number; names: VendorNames } {
  const names = vendorNames(name);
  const repository = root ? resolve(root) : findRepositoryRoot(process.cwd());
  const folder = join('vendors', names.kebab);
  if (existsSync(join(repository, folder)))
    throw new OrgPortError('invalid_argument', `${folder} already exists in ${repository}`);
  const files = vendorFolderFiles(names, pinnedVersions());
  for (const [path, text] of files) {
    const target = join(repository, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileAtomic(target, text);
  }
  formatWithBiome(repository, folder);
  const tsconfigPath = join(repository, 'tsconfig.json');
  if (existsSync(tsconfigPath)) {
    const tsconfig = JSON.parse(readFileSync(tsconfigPath, 'utf8')) as { references?: { path: string }[] };
    const references = tsconfig.references ?? [];
    for (const part of ['adapter', 'simulator']) references.push({ path: `vendors/${names.kebab}/${part}` });
    writeFileAtomic(tsconfigPath, `${JSON.stringify({ ...tsconfig, references }, null, 2)}\n`);
  }
  return { folder, files: files.size, names };
}
