import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The README's and the migration guide's command blocks, run in order as a newcomer would
// paste them, against the built `orgport` (`tsc -b` runs before the tests). Every `sh`
// block of both documents is marked: `<!-- docs-test: run -->` runs it,
// `<!-- docs-test: skip: <reason> -->` says why not; an unmarked block fails this test, so
// no new block goes unchecked. A JSON block marked `<!-- docs-test: edit <file> -->` is the
// edit the guide tells the reader to make to a file a command wrote: it replaces that file
// right after the command that wrote it. A comment's quoted text ("No changes") is a
// claim: the command's output must contain it.
const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = resolve(import.meta.dirname, '../dist/bin.js');

interface Block {
  readonly language: string;
  readonly marker: string | undefined;
  readonly body: string;
  readonly line: number;
}

/** The fenced blocks of a Markdown document, each with the `docs-test` comment above it. */
function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let at = 0; at < lines.length; at++) {
    const open = /^```(\w*)/.exec(lines[at] ?? '');
    if (!open) continue;
    const body: string[] = [];
    let end = at + 1;
    for (; end < lines.length && !(lines[end] ?? '').startsWith('```'); end++) body.push(lines[end] ?? '');
    const marker = /^<!-- docs-test: (.*) -->$/.exec(lines[at - 1] ?? '')?.[1];
    blocks.push({ language: open[1] ?? '', marker, body: body.join('\n'), line: at + 1 });
    at = end;
  }
  return blocks;
}

/** One command line of a block: the command, whether it runs in the background, the claims of its comment. */
function commandOf(line: string): { command: string; background: boolean; claims: string[] } | undefined {
  // A comment starts at ` #` outside quotes (no command here quotes a `#`).
  const hash = line.search(/(^|\s)#/);
  const code = (hash === -1 ? line : line.slice(0, hash)).trim();
  const comment = hash === -1 ? '' : line.slice(hash);
  if (code === '') return undefined;
  const background = code.endsWith('&');
  return {
    command: background ? code.slice(0, -1).trim() : code,
    background,
    claims: [...comment.matchAll(/"([^"]+)"/g)].map((match) => match[1] as string),
  };
}

interface Done {
  code: number | null;
  output: string;
}

let running: ChildProcess[] = [];
afterEach(async () => {
  await Promise.all(
    running.map(
      (child) =>
        new Promise<void>((stopped) => {
          if (child.exitCode !== null || child.signalCode !== null) return stopped();
          child.once('exit', () => stopped());
          child.kill('SIGTERM');
        }),
    ),
  );
  running = [];
});

/** Runs a document's blocks in order in a fresh folder, with `orgport` on the PATH. */
async function runDocument(document: string): Promise<{ ran: string[]; folder: string }> {
  const markdown = readFileSync(join(ROOT, document), 'utf8');
  const blocks = fencedBlocks(markdown);
  const unmarked = blocks.filter((block) => block.language === 'sh' && block.marker === undefined);
  expect(
    unmarked.map((block) => `${document}:${block.line}`),
    'sh blocks without a docs-test marker',
  ).toEqual([]);
  const edits = new Map(
    blocks.flatMap((block) => {
      const file = /^edit (\S+)$/.exec(block.marker ?? '')?.[1];
      return file ? [[file, block.body] as const] : [];
    }),
  );
  return runBlocks(
    blocks.filter((candidate) => candidate.marker === 'run'),
    document,
    edits,
  );
}

/** Runs blocks of command lines in order in a fresh folder, with `orgport` on the PATH. */
async function runBlocks(
  blocks: readonly Block[],
  document: string,
  edits: ReadonlyMap<string, string>,
): Promise<{ ran: string[]; folder: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'orgport-docs-'));
  const bin = mkdtempSync(join(tmpdir(), 'orgport-bin-'));
  writeFileSync(join(bin, 'orgport'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'orgport'), 0o755);
  const env = { PATH: `${bin}:${process.env.PATH}`, HOME: folder };
  const ran: string[] = [];
  for (const block of blocks) {
    for (const line of block.body.split('\n')) {
      const step = commandOf(line);
      if (!step) continue;
      const where = `${document}:${block.line}: ${step.command}`;
      const child = spawn('sh', ['-c', `exec ${step.command}`], { cwd: folder, env });
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
      });
      child.stderr.on('data', (chunk) => {
        output += chunk;
      });
      if (step.background) {
        // A simulator: running once it says how to stop it.
        running.push(child);
        const exited = new Promise<Done>((done) => child.once('exit', (code) => done({ code, output })));
        const started = new Promise<void>((ready) => {
          const check = () => output.includes('Ctrl-C to stop') && ready();
          child.stdout.on('data', check);
        });
        const first = await Promise.race([started.then(() => undefined), exited]);
        expect(first, `${where} stopped before it was ready: ${output}`).toBeUndefined();
      } else {
        const done = await new Promise<Done>((finished) =>
          child.once('close', (code) => finished({ code, output })),
        );
        expect(done.code, `${where} exited ${done.code}:\n${done.output}`).toBe(0);
        expect(done.output, `${where} printed an error`).not.toMatch(/^orgport: /m);
      }
      for (const claim of step.claims)
        expect(output, `${where}: its comment promises "${claim}"`).toContain(claim);
      // No colour codes: this output is not a terminal.
      expect(output, `${where}: escape codes on a pipe`).not.toContain('\u001b[');
      const written = /--out (\S+)/.exec(step.command)?.[1];
      const edit = written ? edits.get(written) : undefined;
      if (written && edit !== undefined) {
        expect(existsSync(join(folder, written)), `${where} wrote ${written}`).toBe(true);
        writeFileSync(join(folder, written), edit);
      }
      ran.push(step.command);
    }
  }
  return { ran, folder };
}

/** Help examples not run here, and why. */
const EXAMPLES_NOT_RUN = new Map([
  ['worker', 'needs a PostgreSQL server (reliability/test/fleet.test.ts runs workers)'],
  ['sim', 'starts a third simulator over a saved connection (cli-e2e.test.ts runs sim)'],
  ['demo', 'runs the whole demo (cli-e2e.test.ts runs it)'],
  ['new-adapter', 'writes a vendor folder (new-adapter.test.ts runs it)'],
]);
/** Help examples that need another's output run last, in this order; the rest in the table's order. */
const RUN_LAST = ['plan', 'migrate', 'status'];

describe('the docs run as written', () => {
  it("every command's --help example, on the simulators", async () => {
    const { HELP_EXAMPLES } = await import('../src/help/help-examples.js');
    const paths = [...HELP_EXAMPLES.keys()].filter((path) => !EXAMPLES_NOT_RUN.has(path));
    paths.sort((a, b) => RUN_LAST.indexOf(a) - RUN_LAST.indexOf(b));
    const body = [
      'orgport sim auth0 &',
      'orgport sim cloud-org &',
      ...paths.map((path) => HELP_EXAMPLES.get(path)),
    ];
    const block: Block = { language: 'sh', marker: 'run', body: body.join('\n'), line: 0 };
    const { ran } = await runBlocks([block], '--help examples', new Map());
    expect(ran).toHaveLength(body.length);
  }, 120_000);

  it("README's command block, in order, on the simulators", async () => {
    const { ran, folder } = await runDocument('README.md');
    expect(ran.length).toBeGreaterThan(10);
    expect(ran).toContain('orgport sim cloud-org');
    expect(readFileSync(join(folder, 'plan.md'), 'utf8')).toMatch(/^# Migration plan /);
  }, 120_000);

  it("the migration guide's steps, with its mapping, in order, on the simulators", async () => {
    const { ran, folder } = await runDocument('docs/migration.md');
    expect(ran).toContain('orgport mapping init --from sim-auth0 --to sim-cloud-org --out mapping.json');
    // The guide's mapping names only roles and groups the simulators have: nothing it
    // names is reported missing, and what it leaves out on purpose is.
    const report = readFileSync(join(folder, 'plan.md'), 'utf8');
    expect(report).not.toMatch(/has no (role|group) named/);
    expect(report).toMatch(/role auditor \| no mapping rule/);
  }, 120_000);
});
