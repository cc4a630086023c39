import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { VendorNames } from './vendor-names.js';

/** Which way a new vendor is tested. */
export type ScaffoldPath =
  /** With a simulator of our own (`vendors/<name>/simulator`), made of the simulator kit. */
  | 'simulator'
  /** Against the vendor's emulator or a local server, through the fault proxy (no simulator folder). */
  | 'emulator';

/** The template vendor's name, in each spelling its files use. */
const TEMPLATE: VendorNames = {
  kebab: 'vendor-template',
  pascal: 'VendorTemplate',
  camel: 'vendorTemplate',
  constant: 'VENDOR_TEMPLATE',
};

const SKIPPED = new Set(['node_modules', 'dist']);
/** Marks the lines only the simulator path keeps: `// template: simulator path only {` … `// template: }`. */
const SIMULATOR_ONLY = /^[ \t]*\/\/ template: simulator path only \{\n[\s\S]*?^[ \t]*\/\/ template: \}\n/gm;
const MARKER = /^[ \t]*\/\/ template: (simulator path only \{|\})\n/gm;

/** Every file under `folder`, as paths relative to it with `/` separators. */
function filesUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (SKIPPED.has(entry.name) || entry.name.endsWith('.tsbuildinfo')) continue;
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else found.push(relative(folder, full).split(sep).join('/'));
    }
  };
  walk(folder);
  return found.sort();
}

/** `text` with every spelling of the template's name replaced by the new vendor's. */
function renamed(text: string, names: VendorNames): string {
  return text
    .replaceAll(TEMPLATE.kebab, names.kebab)
    .replaceAll(TEMPLATE.pascal, names.pascal)
    .replaceAll(TEMPLATE.camel, names.camel)
    .replaceAll(TEMPLATE.constant, names.constant);
}

/** A package.json or tsconfig.json of the template as the vendor folder needs it. */
function adjustedJson(path: string, text: string, names: VendorNames, way: ScaffoldPath): string {
  // The template sits two folders deeper than vendors/<name>/<part>/.
  const value = JSON.parse(
    text.replaceAll('../../../../../', '../../../').replaceAll('../../../../', '../../../packages/'),
  );
  if (path.endsWith('package.json')) {
    delete value.private;
    if (way === 'emulator') {
      const simulator = `@orgport/simulator-${names.kebab}`;
      for (const field of ['peerDependencies', 'peerDependenciesMeta', 'devDependencies']) {
        if (value[field]) delete value[field][simulator];
        if (value[field] && Object.keys(value[field]).length === 0) delete value[field];
      }
    }
  } else if (way === 'emulator' && Array.isArray(value.references)) {
    value.references = value.references.filter(
      (reference: { path: string }) => reference.path !== '../simulator',
    );
  }
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * The files of a new `vendors/<name>/` folder, copied from the template vendor (a real,
 * type-checked and linted workspace package under `packages/cli/templates/vendor/`) and
 * renamed. The simulator path copies the adapter and the simulator; the emulator path
 * copies the adapter alone, with the test that runs the suite against the vendor's
 * emulator through the fault proxy. Paths are relative to the vendor folder.
 */
export function templateFiles(
  templateRoot: string,
  names: VendorNames,
  way: ScaffoldPath,
): Map<string, string> {
  const files = new Map<string, string>();
  const parts = way === 'simulator' ? ['adapter', 'simulator'] : ['adapter'];
  for (const part of parts) {
    for (const path of filesUnder(join(templateRoot, part))) {
      const emulatorTest = path.startsWith('test-emulator/');
      const simulatorTest = path.startsWith('test/');
      if (part === 'adapter' && (way === 'simulator' ? emulatorTest : simulatorTest)) continue;
      const target = `${part}/${emulatorTest ? path.replace(/^test-emulator\//, 'test/') : path}`;
      let text = readFileSync(join(templateRoot, part, path), 'utf8');
      text = way === 'simulator' ? text.replace(MARKER, '') : text.replace(SIMULATOR_ONLY, '');
      text = renamed(text, names);
      if (path === 'package.json' || path === 'tsconfig.json') text = adjustedJson(path, text, names, way);
      files.set(renamed(target, names), text);
    }
  }
  return files;
}
