import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What a user gets from a release: every publishable package packed as `pnpm publish` would,
// checked by publint and Are The Types Wrong (scripts/check-packages.mjs), then installed with
// plain npm into a scratch project and used from ESM, CommonJS and strict TypeScript.
const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const consumer = join(root, 'reliability/packaging-consumer');
const tsc = join(root, 'node_modules/.bin/tsc');
// Packing, an npm install and three strict type-checks of real declaration files: minutes on a
// busy two-core machine, so a generous bound (a hang, not slowness, is what it catches).
const long = 900_000;

let scratch: string;
let tarballs: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'orgport-install-'));
  tarballs = join(scratch, 'tarballs');
}, long);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('the packed packages', () => {
  it(
    'pass publint and attw, ship README and LICENSE, and keep no workspace: range',
    async () => {
      const { stdout } = await run(
        process.execPath,
        [join(root, 'scripts/check-packages.mjs'), '--out', tarballs],
        {
          cwd: root,
          maxBuffer: 16 * 1024 * 1024,
        },
      );
      expect(stdout).toMatch(/packages packed and checked: .*@orgport\/core/);
    },
    long,
  );

  it(
    'install with plain npm and answer a query from ESM, CommonJS and strict TypeScript',
    async () => {
      const files = (await readdir(tarballs)).filter((file) => file.endsWith('.tgz'));
      expect(files.length).toBeGreaterThan(0);
      // Each @orgport/* range resolves to its tarball, as it would to the published version.
      const local = new Map<string, string>();
      for (const file of files) {
        local.set(
          `@orgport/${file.replace(/^orgport-/, '').replace(/-\d+\.\d+\.\d+\.tgz$/, '')}`,
          `file:${join(tarballs, file)}`,
        );
      }
      const want = ['@orgport/core', '@orgport/adapter-auth0', '@orgport/simulator-auth0'];
      const project = join(scratch, 'project');
      await cp(consumer, project, { recursive: true });
      await writeFile(
        join(project, 'package.json'),
        JSON.stringify({
          name: 'scratch-user',
          private: true,
          type: 'module',
          dependencies: Object.fromEntries(want.map((name) => [name, local.get(name)])),
          devDependencies: { '@types/node': '^20.19.0' },
          overrides: Object.fromEntries(local),
        }),
      );
      await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
        cwd: project,
        maxBuffer: 16 * 1024 * 1024,
      });

      const esm = JSON.parse((await run(process.execPath, ['query.mjs'], { cwd: project })).stdout);
      expect(esm).toEqual({ module: 'esm', organizations: 3, admins: expect.any(Number) });
      expect(esm.admins).toBeGreaterThanOrEqual(3);
      const cjs = JSON.parse((await run(process.execPath, ['query.cjs'], { cwd: project })).stdout);
      expect(cjs).toEqual({ module: 'cjs', organizations: 3, notFound: true });

      const strict = [
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        'false',
        '--target',
        'es2022',
        '--types',
        'node',
      ];
      // CommonJS TypeScript (query.cts) needs `nodenext`: under node16 TypeScript refuses a
      // require() of an ES module (TS1471), as docs/releasing.md says.
      for (const [module, resolution, files] of [
        ['node16', 'node16', ['query.ts']],
        ['nodenext', 'nodenext', ['query.ts', 'query.cts']],
        ['esnext', 'bundler', ['query.ts']],
      ] as const) {
        const result = await run(
          tsc,
          [...strict, '--module', module, '--moduleResolution', resolution, ...files],
          {
            cwd: project,
          },
        ).catch((error: { stdout: string }) => ({ stdout: error.stdout, failed: true }));
        expect({ resolution, ...result }).toEqual({ resolution, stdout: '', stderr: '' });
      }
    },
    long,
  );
});
