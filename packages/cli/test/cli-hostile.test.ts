import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { OrgPortError } from '@orgport/core';
import { errorCodeForStatus } from '@orgport/core/driver';
import { type Auth0Simulator, startAuth0Simulator } from '@orgport/simulator-auth0';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodeFor } from '../src/errors/report-error.js';

// Hostile vendor data, careless input and a failing machine, against the built binary.
const BIN = resolve(import.meta.dirname, '../dist/bin.js');
const ESCAPES = '\u001b]0;pwned\u0007\u001b[2J\u202eevil';
const FORMULA = '=HYPERLINK("http://127.0.0.1/x","click")';

let dir: string;
let config: string;
let sim: Auth0Simulator;
beforeAll(async () => {
  sim = await startAuth0Simulator({ seed: 5 });
  sim.store.addOrganization({ name: 'hostile', display_name: `Acme ${ESCAPES}` });
  sim.store.addOrganization({ name: 'formula', display_name: FORMULA });
  sim.store.addOrganization({ name: 'plus', display_name: '+1 555 0100' });
  dir = mkdtempSync(join(tmpdir(), 'orgport-hostile-'));
  config = join(dir, 'orgport.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      connections: {
        a: { vendor: 'auth0', baseUrl: sim.url, clientId: sim.clientId, clientSecret: sim.clientSecret },
      },
    }),
  );
});
afterAll(async () => {
  await sim.close();
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}
function orgport(args: string[], readFirstLineOnly = false): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, '--config', config, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      // Like `| head -1`: the reader goes away after the first line.
      if (readFirstLineOnly && stdout.includes('\n')) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('hostile vendor text and careless input', () => {
  it('shows control characters and bidi overrides escaped in tables, and keeps JSON exact', async () => {
    const table = await orgport(['orgs', 'list', '-c', 'a']);
    expect(table.code).toBe(0);
    for (const raw of ['\u001b', '\u0007', '\u202e']) expect(table.stdout).not.toContain(raw);
    expect(table.stdout).toContain('\\u001b]0;pwned\\u0007\\u001b[2J\\u202eevil');
    const json = await orgport(['orgs', 'list', '-c', 'a', '-o', 'json']);
    const names = (JSON.parse(json.stdout) as { displayName: string }[]).map((o) => o.displayName);
    expect(names).toContain(`Acme ${ESCAPES}`);
  });

  it('neutralises formulas in CSV cells (the OWASP rule), leaving NDJSON exact', async () => {
    const csv = await orgport(['orgs', 'list', '-c', 'a', '-o', 'csv']);
    expect(csv.stdout).toContain(`'=HYPERLINK`);
    expect(csv.stdout).toContain(`'+1 555 0100`);
    expect(csv.stdout).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const ndjson = await orgport(['orgs', 'list', '-c', 'a', '-o', 'ndjson']);
    expect(ndjson.stdout).toContain(JSON.stringify(FORMULA));
  });

  it('stops quietly when the reader goes away (| head), with no stack trace', async () => {
    const run = await orgport(['orgs', 'list', '-c', 'a', '-o', 'ndjson'], true);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('refuses --limit that is not a whole number, before any request', async () => {
    const before = sim.stats.requests;
    for (const limit of ['abc', '-5', '2.5']) {
      const run = await orgport([
        'plan',
        '--from',
        'a',
        '--to',
        'a',
        '--mapping',
        'm.json',
        '--limit',
        limit,
      ]);
      expect([run.code, run.stderr.trim()]).toEqual([
        2,
        `orgport: invalid_argument: --limit must be a whole number from 0 to 1000000 (got "${limit}")`,
      ]);
    }
    expect(sim.stats.requests).toBe(before);
  });

  it('--timeout bounds a call to a vendor that stops answering', async () => {
    sim.faults.configure({ latency: 1, latencyMs: 20_000 });
    try {
      const started = performance.now();
      const run = await orgport(['orgs', 'list', '-c', 'a', '--timeout', '1']);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^orgport: timeout: .*within 1000 ms/);
      expect(performance.now() - started).toBeLessThan(15_000);
    } finally {
      sim.faults.configure({});
    }
  });

  it('a port in use is one line with exit 2', async () => {
    const busy = await orgport([
      'sim',
      'auth0',
      '--port',
      String(new URL(sim.url).port),
      '--config',
      join(dir, 'busy.json'),
    ]);
    expect([busy.code, busy.stderr.trim().split('\n').length]).toEqual([2, 1]);
    expect(busy.stderr).toMatch(/^orgport: EADDRINUSE: /);
  });

  it('exit 2 is only for input refused before sending: a vendor 400 exits 1', () => {
    const mine = new OrgPortError('invalid_argument', 'members.list: organizationId: must not be empty');
    const theirs = new OrgPortError('invalid_argument', 'auth0: GET /x failed with 400: bad', {
      status: 400,
    });
    expect([exitCodeFor(mine), exitCodeFor(theirs)]).toEqual([2, 1]);
    expect(errorCodeForStatus(301)).toBe('invalid_response');
  });
});
