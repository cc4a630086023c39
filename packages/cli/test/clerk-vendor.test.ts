import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ClerkSimulator, seedClerkStore, startClerkSimulator } from '@orgport/simulator-clerk';
import { fixtures } from '@orgport/simulator-kit/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The Clerk vendor through the built binary: its manifest, and a connection from ORGPORT_CLERK_* variables.
const BIN = resolve(import.meta.dirname, '../dist/bin.js');

let simulator: ClerkSimulator;
let dir: string;
beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npx tsc -b\` before these tests`);
  dir = mkdtempSync(join(tmpdir(), 'orgport-clerk-'));
  simulator = await startClerkSimulator({ seed: 3 });
  seedClerkStore(simulator.store, fixtures({ seed: 3, organizations: 2, membersPerOrg: 12 }));
});
afterAll(() => simulator.close());

function orgport(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('orgport with the clerk vendor', () => {
  it('prints the Clerk manifest: one role per member, offset paging, no billing managers', async () => {
    const run = await orgport(['capabilities', 'clerk', '-o', 'json']);
    expect(run.code).toBe(0);
    const [manifest] = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(manifest).toMatchObject({
      rolesPerMember: 'one',
      pagination: 'offset',
      'billingManagers.grant': false,
      'members.organizationsOf': true,
    });
  });

  it('connects as `clerk` from ORGPORT_CLERK_* variables, and never prints the key', async () => {
    const env = { ORGPORT_CLERK_SECRET_KEY: simulator.secretKey, ORGPORT_CLERK_API_URL: simulator.url };
    const run = await orgport(['--connection', 'clerk', 'orgs', 'list', '-o', 'json'], env);
    expect(run.stderr).toBe('');
    const organizations = JSON.parse(run.stdout) as { name: string }[];
    expect(organizations.map((org) => org.name).sort()).toEqual(
      [...simulator.store.organizations.values()].map((org) => org.slug).sort(),
    );
    expect(`${run.stdout}${run.stderr}`).not.toContain(simulator.secretKey);
  });
});
