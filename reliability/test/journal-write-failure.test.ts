import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDirectory, type Directory } from '@orgport/core';
import {
  applyMigration,
  type JournalStore,
  type MigrationPlan,
  memoryJournalStore,
  planMigration,
  type RoleMappingInput,
  snapshot,
} from '@orgport/migrate';
import { startCloudOrgSimulator } from '@orgport/simulator-cloud-org';
import { createMemoryAdapter } from '@orgport/testkit/memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliFolder } from './cli-folder.js';
import { mountTinyDisk, type TinyDisk, tinyDiskUnavailable } from './tiny-disk.js';

// When the journal cannot be written (a full disk, a lost store) the run stops: no operation
// starts after the failure, the journal keeps only whole lines, its lock stays until every
// chain has stopped, and a resume finishes the work. Files orgport writes are whole or absent.

const MEMBERS = 40;
const mapping: RoleMappingInput = {
  unmapped: 'warn',
  rules: [{ from: { role: 'editor' }, to: [{ product: 'Web', group: 'Developers' }] }],
};

function world() {
  const source = createMemoryAdapter({ name: 'source' });
  source.store.addOrganization({ id: 'o1', name: 'acme' });
  source.store.addRole({ id: 'r-edit', name: 'editor' });
  const target = createMemoryAdapter({ name: 'target' });
  target.store.addOrganization({ id: 't1', name: 'acme' });
  target.store.addProduct({ id: 'p-web', organizationId: 't1', name: 'Web' });
  target.store.addProductGroup({ id: 'p-web-dev', productId: 'p-web', name: 'Developers' });
  for (let n = 0; n < MEMBERS; n++) {
    source.store.addUser({ id: `s${n}`, email: `user${n}@example.com` });
    const record = source.store.membership('o1', `s${n}`);
    record.kinds.add('member');
    record.roleIds.add('r-edit');
    target.store.addUser({ id: `t${n}`, email: `user${n}@example.com` });
  }
  return { source: createDirectory(source), target: createDirectory(target), store: target.store };
}

/** Members holding the group on the target. */
const granted = (store: ReturnType<typeof world>['store']) =>
  [...(store.memberships.get('t1')?.values() ?? [])].filter(
    (m) => m.productGroups.get('p-web') === 'p-web-dev',
  ).length;

/** The target, counting writes under way and started. */
function countingWrites(target: Directory) {
  const counts = { inFlight: 0, started: 0 };
  const wrap = <T extends object>(port: T): T =>
    new Proxy(port, {
      get(object, key) {
        const value = Reflect.get(object, key);
        if (typeof value !== 'function') return value;
        if (!['add', 'set', 'grant', 'revoke'].includes(String(key))) return value.bind(object);
        return async (...args: unknown[]) => {
          counts.started++;
          counts.inFlight++;
          try {
            // A write takes a while: chains overlap as they do against a vendor.
            await new Promise((resolve) => setImmediate(resolve));
            return await value.apply(object, args);
          } finally {
            counts.inFlight--;
          }
        };
      },
    });
  const members = wrap(target.members);
  const permissions = wrap(target.permissions);
  const directory = new Proxy(target, {
    get(object, key) {
      if (key === 'members') return members;
      if (key === 'permissions') return permissions;
      return Reflect.get(object, key);
    },
  });
  return { directory, counts };
}

describe('a journal that cannot be written stops the run', () => {
  it('no operation starts after the failure, the journal closes only when every chain has stopped, and a resume completes', async () => {
    const { source, target, store } = world();
    const plan = await planMigration({ source, target, mapping });
    expect(plan.operations).toHaveLength(2 * MEMBERS);
    const { directory, counts } = countingWrites(target);
    const inner = memoryJournalStore();
    let records = 0;
    let startedAtFailure = -1;
    const events: string[] = [];
    const failing: JournalStore = {
      async open(journalPlan, resume) {
        const run = await inner.open(journalPlan, resume);
        return {
          get: (id) => run.get(id),
          isDone: (id) => run.isDone(id),
          repairedBytes: 0,
          async record(entry) {
            if (++records === 10) {
              startedAtFailure = counts.started;
              throw new Error('ENOSPC: no space left on device');
            }
            await run.record(entry);
          },
          async close() {
            events.push(`close with ${counts.inFlight} writes under way`);
            await run.close();
          },
        };
      },
    };
    await expect(
      applyMigration(plan, { target: directory, journal: failing, concurrency: 8 }),
    ).rejects.toThrow(/journal could not record an outcome \(ENOSPC/);
    expect(events).toEqual(['close with 0 writes under way']);
    // Writes under way when it failed end; none starts after.
    expect(counts.started).toBe(startedAtFailure);
    expect(granted(store)).toBeLessThan(MEMBERS);

    const resumed = await applyMigration(plan, { target, journal: inner, resume: true });
    expect([resumed.failed, resumed.blocked]).toEqual([[], []]);
    expect(granted(store)).toBe(MEMBERS);
  });
});

describe('a journal lock left behind', () => {
  it('an empty lock left by a crash is taken over; one written moments ago is refused saying what to do', async () => {
    const { source, target, store } = world();
    const plan = await planMigration({ source, target, mapping });
    const folder = mkdtempSync(join(tmpdir(), 'orgport-lock-'));
    try {
      const journal = join(folder, 'journal.ndjson');
      writeFileSync(`${journal}.lock`, '');
      await expect(applyMigration(plan, { target, journal })).rejects.toThrow(
        /unreadable and was written moments ago .*try again in a few seconds, or delete/,
      );
      const minuteAgo = new Date(Date.now() - 60_000);
      utimesSync(`${journal}.lock`, minuteAgo, minuteAgo);
      const result = await applyMigration(plan, { target, journal });
      expect(result.failed).toEqual([]);
      expect(granted(store)).toBe(MEMBERS);
      expect(existsSync(`${journal}.lock`)).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

const unavailable = tinyDiskUnavailable();
describe.skipIf(unavailable !== undefined)(
  `on a real full disk${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let disk: TinyDisk;
    beforeAll(() => {
      disk = mountTinyDisk(64);
    });
    afterAll(() => disk.unmount());

    it('the file journal keeps whole lines, drops its lock, and resumes once there is room', async () => {
      const { source, target, store } = world();
      const plan = await planMigration({ source, target, mapping });
      const journal = join(disk.path, 'journal.ndjson');
      disk.fill(2 * 4096 + 200);
      await expect(applyMigration(plan, { target, journal, concurrency: 8 })).rejects.toThrow(
        /journal .*could not append \(ENOSPC\)/,
      );
      const text = readFileSync(journal, 'utf8');
      expect(text.slice(-200)).toMatch(/\n$/);
      const lines = text.trim().split('\n');
      // It failed part-way: some outcomes recorded, every line whole.
      expect(lines.length).toBeGreaterThan(5);
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      expect(existsSync(`${journal}.lock`)).toBe(false);
      expect(granted(store)).toBeLessThan(MEMBERS);

      disk.free();
      const resumed = await applyMigration(plan, { target, journal, resume: true });
      expect([resumed.failed, resumed.blocked]).toEqual([[], []]);
      expect(resumed.repairedJournalBytes).toBe(0);
      expect(granted(store)).toBe(MEMBERS);
    });

    it('`orgport plan --out` on a full disk exits non-zero and leaves no file', async () => {
      const { source } = world();
      const sim = await startCloudOrgSimulator({ seed: 6 });
      try {
        const organization = sim.store.addOrganization('acme');
        sim.store.membership(organization.organizationId, sim.callerId).isAdmin = true;
        const product = sim.store.addProduct(organization.organizationId, 'Web');
        sim.store.addGroup(product.productId, 'Developers');
        for (let n = 0; n < MEMBERS; n++) {
          const user = sim.store.addUser({ email: `user${n}@example.com` });
          sim.store.membership(organization.organizationId, user.userId);
        }
        const taken = await snapshot(source);
        const folder = cliFolder(sim, taken as unknown as MigrationPlan, 'orgport-disk-full-');
        writeFileSync(join(folder, 'source.json'), JSON.stringify(taken));
        writeFileSync(join(folder, 'mapping.json'), JSON.stringify(mapping));
        const bin = resolve(import.meta.dirname, '../../packages/cli/dist/bin.js');
        // Asynchronously: the simulator answers from this process.
        const args = [
          'plan',
          '--from-snapshot',
          'source.json',
          '--to',
          'target',
          '--mapping',
          'mapping.json',
        ];
        const plan = (out: string) =>
          new Promise<number | null>((done) => {
            const child = spawn(process.execPath, [bin, ...args, '--out', out, '-q'], {
              cwd: folder,
              env: { PATH: process.env.PATH, CLOUD_PASSWORD: sim.password },
              stdio: 'ignore',
            });
            child.on('close', done);
          });
        expect(await plan(join(folder, 'plan.json'))).toBe(0);
        const size = readFileSync(join(folder, 'plan.json')).length;
        expect(size).toBeGreaterThan(8192);
        disk.free();
        disk.fill(Math.floor(size / 2));
        expect(await plan(join(disk.path, 'plan.json'))).not.toBe(0);
        expect(readdirSync(disk.path).filter((name) => name.includes('plan.json'))).toEqual([]);
      } finally {
        disk.free();
        await sim.close();
      }
    });
  },
);
