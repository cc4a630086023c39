#!/usr/bin/env node
// Packs every publishable workspace package the way a release does (`pnpm pack`, which
// rewrites `workspace:` ranges) and checks each tarball: what it ships (dist, src, README,
// LICENSE; no build info), no `workspace:` range left, the same Node.js engines as the
// workspace, then publint (strict) and Are The Types Wrong (ESM-only profile: the packages
// are ES modules; CommonJS callers `require()` them on Node.js >= 20.19).
//
//   node scripts/check-packages.mjs [--out <dir>]   keeps the tarballs in <dir>
//
// Exits 1 naming every package and problem found.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const rootManifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const rootLicense = await readFile(join(root, 'LICENSE'), 'utf8');
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Every workspace package that is not private, as `{ dir, manifest }`. */
async function publishablePackages() {
  const found = [];
  for (const parent of ['packages', 'vendors']) {
    const names = await readdir(join(root, parent));
    for (const name of names.sort()) {
      const dirs =
        parent === 'vendors'
          ? (await readdir(join(root, parent, name))).map((sub) => join(name, sub))
          : [name];
      for (const dir of dirs) {
        const path = join(root, parent, dir, 'package.json');
        const manifest = await readFile(path, 'utf8').then(JSON.parse, () => undefined);
        if (manifest && !manifest.private) found.push({ dir: join(parent, dir), manifest });
      }
    }
  }
  return found;
}

/** `pnpm`, as the running package manager or through npx at the workspace's pinned version. */
function pnpmCommand() {
  const execPath = process.env.npm_execpath ?? '';
  if (/pnpm/.test(execPath)) return [process.execPath, [execPath]];
  return ['npx', ['-y', rootManifest.packageManager]];
}

async function tarEntries(tarball) {
  const { stdout } = await run('tar', ['tzf', tarball], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split('\n').filter(Boolean);
}

async function tarFile(tarball, entry) {
  const { stdout } = await run('tar', ['xzf', tarball, '-O', entry], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Runs a checker; its output when it fails. */
async function problemsOf(command, args) {
  try {
    await run(command, args, { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
    return undefined;
  } catch (error) {
    return `${error.stdout ?? ''}${error.stderr ?? ''}`.trim() || String(error);
  }
}

async function checkTarball(pkg, tarball) {
  const problems = [];
  const entries = await tarEntries(tarball);
  for (const required of ['package/package.json', 'package/README.md', 'package/LICENSE']) {
    if (!entries.includes(required)) problems.push(`missing ${required.slice('package/'.length)}`);
  }
  if (!entries.some((entry) => entry.startsWith('package/dist/')))
    problems.push('no dist/ (run the build first)');
  // templates/ is what `orgport new-adapter` copies: its tests are meant to ship.
  const stray = entries.filter(
    (entry) => /\.tsbuildinfo$|\.test\.ts$/.test(entry) && !entry.startsWith('package/templates/'),
  );
  if (stray.length > 0) problems.push(`ships ${stray.join(', ')}`);
  if (entries.includes('package/LICENSE') && (await tarFile(tarball, 'package/LICENSE')) !== rootLicense)
    problems.push('LICENSE differs from the repository LICENSE');
  const packed = await tarFile(tarball, 'package/package.json');
  if (packed.includes('workspace:')) problems.push('a workspace: range was left in package.json');
  const manifest = JSON.parse(packed);
  if (manifest.license !== 'MIT') problems.push(`license is ${manifest.license}, expected MIT`);
  if (manifest.engines?.node !== rootManifest.engines.node)
    problems.push(`engines.node is ${manifest.engines?.node}, expected ${rootManifest.engines.node}`);
  const publint = await problemsOf(bin('publint'), ['run', tarball, '--strict']);
  if (publint) problems.push(`publint:\n${publint}`);
  const attw = await problemsOf(bin('attw'), [tarball, '--profile', 'esm-only', '--no-emoji', '--no-color']);
  if (attw) problems.push(`attw:\n${attw}`);
  return problems.map((problem) => `${pkg.manifest.name}: ${problem}`);
}

const outIndex = process.argv.indexOf('--out');
const out =
  outIndex > 0 ? resolve(process.argv[outIndex + 1]) : await mkdtemp(join(tmpdir(), 'orgport-packs-'));
const packages = await publishablePackages();
const [command, prefix] = pnpmCommand();
const filters = packages.flatMap((pkg) => ['--filter', `./${pkg.dir}`]);
await run(command, [...prefix, '-r', ...filters, 'pack', '--pack-destination', out], { cwd: root });

const tarballs = new Map();
for (const file of await readdir(out)) {
  if (!file.endsWith('.tgz')) continue;
  const name = JSON.parse(await tarFile(join(out, file), 'package/package.json')).name;
  tarballs.set(name, join(out, file));
}
const problems = [];
const pending = [...packages];
async function worker() {
  for (let pkg = pending.shift(); pkg; pkg = pending.shift()) {
    const tarball = tarballs.get(pkg.manifest.name);
    if (!tarball) problems.push(`${pkg.manifest.name}: pnpm pack made no tarball`);
    else problems.push(...(await checkTarball(pkg, tarball)));
  }
}
await Promise.all([worker(), worker(), worker()]);
if (outIndex < 0) await rm(out, { recursive: true, force: true });

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(
  `${packages.length} packages packed and checked: ${packages.map((pkg) => pkg.manifest.name).join(', ')}`,
);
