import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { createDirectory } from '@orgport/core';
import { planMigration, type RoleMappingInput } from '@orgport/migrate';
import { startCloudOrgSimulator } from '@orgport/simulator-cloud-org';
import { createMemoryAdapter } from '@orgport/testkit/memory';
import { describe, expect, it } from 'vitest';
import { cliFolder } from './cli-folder.js';

// File-mode `orgport migrate` stops on SIGTERM as on Ctrl-C: between operations, the journal
// whole and unlocked, exit 130 with the command that continues; the resume then completes.

const BIN = resolve(import.meta.dirname, '../../packages/cli/dist/bin.js');
const MEMBERS = 60;
const mapping: RoleMappingInput = {
  unmapped: 'warn',
  rules: [{ from: { role: 'editor' }, to: [{ product: 'Web', group: 'Developers' }] }],
};

function orgport(
  dir: string,
  args: string[],
  password: string,
  onStart?: (child: ReturnType<typeof spawn>) => void,
) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) => {
    const child = spawn(process.execPath, [BIN, '--config', join(dir, 'orgport.config.json'), ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH, CLOUD_PASSWORD: password },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code, signal) => done({ code, signal, stderr }));
    onStart?.(child);
  });
}

describe('orgport migrate (journal file) on SIGTERM', () => {
  it('stops cleanly with exit 130 and the resume command, and the resume completes', async () => {
    if (!existsSync(BIN)) throw new Error('build first: npx tsc -b');
    const sim = await startCloudOrgSimulator({ seed: 7, latencyMs: 15 });
    try {
      const organization = sim.store.addOrganization('acme');
      sim.store.membership(organization.organizationId, sim.callerId).isAdmin = true;
      const product = sim.store.addProduct(organization.organizationId, 'Web');
      sim.store.addGroup(product.productId, 'Developers');
      const source = createMemoryAdapter({ name: 'source' });
      source.store.addOrganization({ id: 'o1', name: 'acme' });
      source.store.addRole({ id: 'r-edit', name: 'editor' });
      for (let n = 0; n < MEMBERS; n++) {
        source.store.addUser({ id: `s${n}`, email: `user${n}@example.com` });
        source.store.membership('o1', `s${n}`).kinds.add('member');
        source.store.membership('o1', `s${n}`).roleIds.add('r-edit');
        sim.store.addUser({ email: `user${n}@example.com` });
      }
      const target = createDirectory(
        createCloudOrgAdapter({ baseUrl: sim.url, username: sim.username, password: sim.password }),
      );
      const plan = await planMigration({ source: createDirectory(source), target, mapping });
      await target.close();
      const dir = cliFolder(sim, plan, 'orgport-sigterm-');
      const journal = join(dir, 'journal.ndjson');
      const lines = () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').length - 1 : 0);

      const stopped = await orgport(
        dir,
        ['migrate', '--plan', 'plan.json', '--to', 'target', '--journal', 'journal.ndjson', '-q'],
        sim.password,
        (child) => {
          const timer = setInterval(() => {
            if (lines() >= 10) {
              clearInterval(timer);
              child.kill('SIGTERM');
            }
          }, 2);
          child.on('close', () => clearInterval(timer));
        },
      );
      expect({ code: stopped.code, signal: stopped.signal }).toEqual({ code: 130, signal: null });
      expect(stopped.stderr).toContain('orgport migrate --to target --journal journal.ndjson --resume');
      expect(existsSync(`${journal}.lock`)).toBe(false);
      const recorded = readFileSync(journal, 'utf8');
      expect(recorded.endsWith('\n')).toBe(true);
      for (const line of recorded.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
      expect(lines()).toBeLessThan(plan.operations.length + 1);

      const resumed = await orgport(
        dir,
        ['migrate', '--to', 'target', '--journal', 'journal.ndjson', '--resume', '-q'],
        sim.password,
      );
      expect(resumed.code).toBe(0);
      const after = createDirectory(
        createCloudOrgAdapter({ baseUrl: sim.url, username: sim.username, password: sim.password }),
      );
      const replan = await planMigration({ source: createDirectory(source), target: after, mapping });
      await after.close();
      expect(replan.operations).toEqual([]);
      expect(replan.summary.pendingInvitations).toBe(MEMBERS);
    } finally {
      await sim.close();
    }
  }, 60_000);
});
