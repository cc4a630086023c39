import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startWorkOSSimulator } from '@orgport/simulator-workos';
import { describe, expect, it } from 'vitest';

// The WorkOS vendor through the built binary: its manifest with no connection, and a
// connection made from ORGPORT_WORKOS_* variables alone.
const BIN = resolve(import.meta.dirname, '../dist/bin.js');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}
/** Runs the binary without blocking the event loop (the simulator answers in this process). */
const orgport = (args: string[], env: Record<string, string> = {}) =>
  new Promise<Run>((done) => {
    const cwd = mkdtempSync(join(tmpdir(), 'orgport-workos-cli-'));
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (status) => {
      rmSync(cwd, { recursive: true, force: true });
      done({ status, stdout, stderr });
    });
  });

describe('orgport and the workos vendor', () => {
  it('prints the single-role manifest: one role per member, no billing managers', async () => {
    if (!existsSync(BIN)) throw new Error('build first: npx tsc -b');
    const run = await orgport(['capabilities', 'workos', '-o', 'json']);
    expect(run.status).toBe(0);
    const [manifest] = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(manifest).toMatchObject({
      rolesPerMember: 'one',
      grantsOfAdmins: 'implicit',
      invitationGrants: 'at-most-one',
      'billingManagers.grant': false,
      'members.list': true,
    });
  });

  it('connects from ORGPORT_WORKOS_* variables and lists members with their status', async () => {
    const sim = await startWorkOSSimulator({ apiKeys: ['sk_test_cli_secret'], rateLimits: false });
    try {
      const org = sim.store.addOrganization({ name: 'Acme', external_id: 'acme' });
      const ada = sim.store.addUser({ email: 'ada@example.com' });
      const bob = sim.store.addUser({ email: 'bob@example.com' });
      sim.store.addMembership(org.id, ada.id, ['admin']);
      sim.store.addMembership(org.id, bob.id, ['member'], 'inactive');
      const env = { ORGPORT_WORKOS_API_KEY: 'sk_test_cli_secret', ORGPORT_WORKOS_BASE_URL: sim.url };
      const run = await orgport(['members', 'list', org.id, '-c', 'workos', '-o', 'json'], env);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const members = JSON.parse(run.stdout) as {
        user: { email: string };
        kinds: string[];
        status?: string;
      }[];
      expect(members.map((m) => [m.user.email, m.kinds, m.status])).toEqual([
        ['ada@example.com', ['member', 'admin'], undefined],
        ['bob@example.com', ['member'], 'inactive'],
      ]);
      expect(`${run.stdout}${run.stderr}`).not.toContain('sk_test_cli_secret');
    } finally {
      await sim.close();
    }
  });
});
