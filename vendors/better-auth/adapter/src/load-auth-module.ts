import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OrgPortError } from '@orgport/core';
import type { BetterAuthInstance } from './better-auth-instance.js';

/** Folders searched for the auth module, in order, as Better Auth's own CLI does. */
const FOLDERS = [
  '',
  'lib',
  'utils',
  'server',
  'auth',
  'src',
  'src/lib',
  'src/utils',
  'src/server',
  'app/lib',
  'app/utils',
];
/** File names tried in each folder. */
const NAMES = ['auth.js', 'auth.mjs', 'auth.cjs', 'auth.ts', 'auth.mts', 'auth.server.js', 'auth.server.ts'];

/** The first auth module under `cwd` (`auth.ts`/`auth.js` in the root, `lib/`, `utils/`, `src/…`), or undefined. */
export function findAuthModule(cwd: string = process.cwd()): string | undefined {
  for (const folder of FOLDERS)
    for (const name of NAMES) {
      const candidate = join(cwd, folder, name);
      if (existsSync(candidate)) return candidate;
    }
  return undefined;
}

const isInstance = (value: unknown): value is BetterAuthInstance =>
  typeof value === 'object' &&
  value !== null &&
  '$context' in value &&
  'api' in value &&
  typeof (value as { options?: unknown }).options === 'object';

/**
 * Loads the application's Better Auth instance from its module: the file at `path` (relative
 * to `cwd`), or the first `auth` module found the way Better Auth's CLI looks for it. The
 * module exports it as `auth` or as its default export. A TypeScript module needs a loader
 * in the running Node (e.g. `node --import tsx`), or point `path` at the compiled file.
 */
export async function loadAuthModule(
  path?: string,
  cwd: string = process.cwd(),
): Promise<BetterAuthInstance> {
  const file = path ? (isAbsolute(path) ? path : resolve(cwd, path)) : findAuthModule(cwd);
  if (!file)
    throw new OrgPortError(
      'invalid_argument',
      `no Better Auth module found under ${cwd} (looked for auth.ts / auth.js in the root, lib/, utils/, server/, src/… ); set the connection's config to the file that exports auth`,
      { vendor: 'better-auth' },
    );
  if (!existsSync(file))
    throw new OrgPortError('invalid_argument', `Better Auth module ${file} does not exist`, {
      vendor: 'better-auth',
    });
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const hint =
      code === 'ERR_UNKNOWN_FILE_EXTENSION'
        ? ': it is TypeScript, so run orgport with a loader (node --import tsx …) or point config at the compiled file'
        : `: ${(error as Error).message}`;
    throw new OrgPortError('invalid_argument', `cannot load Better Auth module ${file}${hint}`, {
      vendor: 'better-auth',
      cause: error,
    });
  }
  const fallback = loaded.default as Record<string, unknown> | undefined;
  const candidate = [loaded.auth, fallback, fallback?.auth].find(isInstance);
  if (!candidate)
    throw new OrgPortError(
      'invalid_argument',
      `Better Auth module ${file} exports no auth instance (export const auth = betterAuth({ … }), or a default export)`,
      { vendor: 'better-auth' },
    );
  return candidate;
}
