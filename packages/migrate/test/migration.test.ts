import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDirectory, OrgPortError } from '@orgport/core';
import { createMemoryAdapter, type MemoryAdapter } from '@orgport/testkit/memory';
import { describe, expect, it } from 'vitest';
import {
  applyMigration,
  loadPlan,
  loadRoleMapping,
  loadSnapshot,
  planMigration,
  type RoleMappingInput,
  snapshot,
  snapshotRecords,
} from '../src/index.js';

/** A source tenant: org "acme" with roles; a target with products and groups, some users already there. */
function world() {
  const source = createMemoryAdapter({ name: 'source' });
  const s = source.store;
  s.addOrganization({ id: 'o1', name: 'acme', displayName: 'Acme Inc.' });
  const roles = {
    viewer: s.addRole({ id: 'r-view', name: 'viewer' }),
    editor: s.addRole({ id: 'r-edit', name: 'editor' }),
    auditor: s.addRole({ id: 'r-aud', name: 'auditor' }),
  };
  const people = ['ada', 'bob', 'cy', 'dee', 'eve'];
  for (const name of people) s.addUser({ id: `src-${name}`, email: `${name}@example.com`, name });
  const member = (name: string, roleIds: string[], kinds: ('admin' | 'billing_manager')[] = []) => {
    const record = s.membership('o1', `src-${name}`);
    record.kinds.add('member');
    for (const kind of kinds) record.kinds.add(kind);
    for (const id of roleIds) record.roleIds.add(id);
  };
  member('ada', [roles.editor.id], ['admin']);
  member('bob', [roles.viewer.id, roles.editor.id]);
  member('cy', [roles.viewer.id, roles.auditor.id], ['billing_manager']);
  member('dee', [roles.viewer.id]);
  member('eve', []);

  const target = createMemoryAdapter({ name: 'target' });
  const t = target.store;
  t.addOrganization({ id: 't1', name: 'acme-inc', displayName: 'Acme Inc.' });
  const web = t.addProduct({ id: 'p-web', organizationId: 't1', name: 'Web' });
  const api = t.addProduct({ id: 'p-api', organizationId: 't1', name: 'API' });
  for (const product of [web, api]) {
    t.addProductGroup({ id: `${product.id}-dev`, productId: product.id, name: 'Developers' });
    t.addProductGroup({ id: `${product.id}-view`, productId: product.id, name: 'Viewers' });
  }
  // ada and bob already have accounts on the target; dee is already a member; cy and eve do not exist there.
  t.addUser({ id: 'tgt-ada', email: 'ada@example.com' });
  t.addUser({ id: 'tgt-bob', email: 'BOB@example.com' });
  t.addUser({ id: 'tgt-dee', email: 'dee@example.com' });
  t.membership('t1', 'tgt-dee').kinds.add('member');
  return {
    source,
    target,
    sourceDirectory: createDirectory(source),
    targetDirectory: createDirectory(target),
  };
}

const mapping: RoleMappingInput = {
  unmapped: 'warn',
  rules: [
    { from: { role: 'editor' }, to: [{ product: '*', group: 'Developers' }] },
    { from: { role: 'viewer' }, to: [{ product: '*', group: 'Viewers' }] },
  ],
};

const state = (adapter: MemoryAdapter) =>
  JSON.stringify(
    [...adapter.store.memberships.entries()].map(([org, members]) => [
      org,
      [...members.entries()]
        .map(([user, record]) => [
          user,
          [...record.kinds].sort(),
          [...record.roleIds].sort(),
          [...record.productGroups.entries()].sort(),
        ])
        .sort(),
    ]),
  ) +
  JSON.stringify(
    [...adapter.store.invitations.values()].flatMap((m) => [...m.values()].map((i) => [i.email, i.grants])),
  );

describe('planMigration', () => {
  it('plans adds, grants, kinds and invites against the live target, and reports every loss', async () => {
    const { sourceDirectory, targetDirectory } = world();
    const plan = await planMigration({ source: sourceDirectory, target: targetDirectory, mapping });
    const byEmail = (email: string) =>
      plan.operations.filter((op) => 'email' in op && op.email.toLowerCase() === email).map((op) => op.type);
    expect(byEmail('ada@example.com')).toEqual(['add_member', 'set_grants', 'grant_kind']);
    expect(byEmail('bob@example.com')).toEqual(['add_member', 'set_grants']);
    expect(byEmail('cy@example.com')).toEqual(['invite']);
    expect(byEmail('dee@example.com')).toEqual(['set_grants']);
    expect(byEmail('eve@example.com')).toEqual(['invite']);
    const lossFor = (email: string) =>
      plan.losses.filter((loss) => loss.email === email).map((loss) => `${loss.item}: ${loss.reason}`);
    expect(lossFor('bob@example.com')).toEqual([
      'role viewer: the target allows one group per product; Web keeps Developers',
      'role viewer: the target allows one group per product; API keeps Developers',
    ]);
    expect(lossFor('cy@example.com')).toEqual([
      'role auditor: no mapping rule',
      'kind billing_manager: granted once the invitation is accepted (re-plan then)',
    ]);
    expect(plan.summary).toMatchObject({ organizations: 1, members: 5, totalOperations: 8 });
    const bobGrants = plan.operations.find(
      (op) => op.type === 'set_grants' && op.email === 'bob@example.com',
    );
    expect(bobGrants && 'grants' in bobGrants ? bobGrants.grants.map((g) => g.groupId).sort() : []).toEqual([
      'p-api-dev',
      'p-web-dev',
    ]);
  });

  it('fails before any write when the policy is fail and something cannot be carried', async () => {
    const { sourceDirectory, targetDirectory, target } = world();
    const error = await planMigration({
      source: sourceDirectory,
      target: targetDirectory,
      mapping: { ...mapping, unmapped: 'fail' },
    }).catch((e: unknown) => e);
    expect(OrgPortError.is(error, 'failed_precondition')).toBe(true);
    expect((error as Error).message).toMatch(/cannot carry 3 item\(s\).*role auditor \(no mapping rule\)/);
    expect(target.store.memberships.get('t1')?.size).toBe(1);
  });

  it('refuses malformed mappings naming the field', () => {
    expect(() => loadRoleMapping({ rules: [{ from: { role: '' }, to: [] }] } as never)).toThrow(
      /mapping: rules\[0\]/,
    );
    expect(() => loadRoleMapping('{ nope')).toThrow(/not valid JSON/);
    expect(() => loadRoleMapping({ unmapped: 'ignore' } as never)).toThrow(/unmapped/);
  });

  it('plans the same from a snapshot as from the live source', async () => {
    const { sourceDirectory, targetDirectory } = world();
    const live = await planMigration({ source: sourceDirectory, target: targetDirectory, mapping });
    const fromSnapshot = await planMigration({
      source: await snapshot(sourceDirectory),
      target: targetDirectory,
      mapping,
    });
    expect(fromSnapshot.operations).toEqual(live.operations);
    // Two plans, even of the same operations, never share an id.
    expect(fromSnapshot.planId).not.toBe(live.planId);
  });
});

describe('applyMigration', () => {
  it('applies the plan, and a re-plan afterwards has zero operations', async () => {
    const { sourceDirectory, targetDirectory, target } = world();
    const plan = await planMigration({ source: sourceDirectory, target: targetDirectory, mapping });
    const result = await applyMigration(plan, { target: targetDirectory, concurrency: 3 });
    expect(result.failed).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.applied).toHaveLength(8);
    expect([...target.store.membership('t1', 'tgt-ada').kinds].sort()).toEqual(['admin', 'member']);
    const again = await planMigration({ source: sourceDirectory, target: targetDirectory, mapping });
    expect(again.operations).toEqual([]);
  });

  it('creates missing organizations when the target can, and finds them again by name', async () => {
    const { sourceDirectory, target } = world();
    target.store.deleteOrganization('t1');
    const targetDirectory = createDirectory(target);
    const plan = await planMigration({
      source: sourceDirectory,
      target: targetDirectory,
      mapping: { ...mapping, rules: [] },
    });
    expect(plan.operations[0]).toMatchObject({
      type: 'create_organization',
      organization: { name: 'acme' },
      displayName: 'Acme Inc.',
    });
    await applyMigration(plan, { target: targetDirectory });
    expect(
      (
        await planMigration({
          source: sourceDirectory,
          target: targetDirectory,
          mapping: { ...mapping, rules: [] },
        })
      ).operations,
    ).toEqual([]);
  });

  it('resumes from the journal after a crash at any point and ends exactly like an unbroken run', async () => {
    const unbroken = world();
    const plan = await planMigration({
      source: unbroken.sourceDirectory,
      target: unbroken.targetDirectory,
      mapping,
    });
    await applyMigration(plan, { target: unbroken.targetDirectory });
    const expected = state(unbroken.target);

    for (let crashAfter = 0; crashAfter < plan.operations.length; crashAfter++) {
      const run = world();
      const journal = join(mkdtempSync(join(tmpdir(), 'orgport-journal-')), 'journal.ndjson');
      const controller = new AbortController();
      const first = await applyMigration(plan, {
        target: run.targetDirectory,
        journal,
        concurrency: 2,
        signal: controller.signal,
        onProgress: ({ done }) => {
          if (done > crashAfter) controller.abort();
        },
      }).catch((e: unknown) => e);
      if (!OrgPortError.is(first, 'cancelled'))
        expect(crashAfter).toBeGreaterThanOrEqual(plan.operations.length - 1);
      await expect(applyMigration(plan, { target: run.targetDirectory, journal })).rejects.toThrow(
        /already exists/,
      );
      const resumed = await applyMigration(plan, { target: run.targetDirectory, journal, resume: true });
      expect(resumed.failed).toEqual([]);
      expect(state(run.target)).toBe(expected);
      expect(readFileSync(journal, 'utf8').split('\n')[0]).toContain(plan.planId);
    }
  });

  it('refuses a journal that belongs to another plan', async () => {
    const { sourceDirectory, targetDirectory } = world();
    const plan = await planMigration({ source: sourceDirectory, target: targetDirectory, mapping });
    const journal = join(mkdtempSync(join(tmpdir(), 'orgport-journal-')), 'j.ndjson');
    await applyMigration(
      { ...plan, operations: plan.operations.slice(0, 1), planId: 'other' },
      { target: targetDirectory, journal },
    );
    await expect(applyMigration(plan, { target: targetDirectory, journal, resume: true })).rejects.toThrow(
      /belongs to plan other/,
    );
  });

  it('reports a failed operation and blocks the rest of that member, without stopping the others', async () => {
    const { sourceDirectory, targetDirectory, target } = world();
    const plan = await planMigration({ source: sourceDirectory, target: targetDirectory, mapping });
    target.store.users.delete('tgt-ada');
    const result = await applyMigration(plan, { target: targetDirectory });
    expect(result.failed.map((f) => [f.operation.type, f.code])).toEqual([['add_member', 'not_found']]);
    expect(result.blocked.map((s) => s.reason)).toEqual([
      'not attempted: an earlier operation for ada@example.com failed',
      'not attempted: an earlier operation for ada@example.com failed',
    ]);
    expect(result.skipped).toEqual([]);
    expect(result.applied).toHaveLength(5);
  });

  // Guards the planted defect "the operation runner skips the journal record of a failed
  // outcome": resuming retries such an operation either way, so only the journal itself
  // shows whether the failure (and its reason) was recorded.
  it('journals a failed operation with its reason, and never journals what it blocked', async () => {
    const { sourceDirectory, targetDirectory, target } = world();
    const plan = await planMigration({ source: sourceDirectory, target: targetDirectory, mapping });
    const journal = join(mkdtempSync(join(tmpdir(), 'orgport-journal-')), 'j.ndjson');
    target.store.users.delete('tgt-ada');
    const result = await applyMigration(plan, { target: targetDirectory, journal });
    const failed = result.failed[0];
    expect(failed?.operation.type).toBe('add_member');
    const records = readFileSync(journal, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; id?: string; status?: string; reason?: string });
    const ops = records.filter((record) => record.type === 'op');
    expect(ops.filter((record) => record.status === 'failed')).toEqual([
      { type: 'op', id: failed?.operation.id, status: 'failed', reason: failed?.reason },
    ]);
    expect(failed?.reason).toMatch(/tgt-ada/);
    const blockedIds = new Set(result.blocked.map((outcome) => outcome.operation.id));
    expect(ops.filter((record) => blockedIds.has(record.id ?? ''))).toEqual([]);
    expect(ops).toHaveLength(result.applied.length + 1);
  });

  it('on resume, retries a failed operation and runs what it blocked: the member ends complete', async () => {
    const { sourceDirectory, targetDirectory, target } = world();
    const plan = await planMigration({ source: sourceDirectory, target: targetDirectory, mapping });
    const journal = join(mkdtempSync(join(tmpdir(), 'orgport-journal-')), 'j.ndjson');
    const ada = target.store.users.get('tgt-ada');
    target.store.users.delete('tgt-ada');
    const first = await applyMigration(plan, { target: targetDirectory, journal });
    expect([first.failed.length, first.blocked.length]).toEqual([1, 2]);
    // The cause goes away (the user is back); the resumed run must finish ada's chain.
    if (ada) target.store.users.set('tgt-ada', ada);
    const resumed = await applyMigration(plan, { target: targetDirectory, journal, resume: true });
    expect([resumed.failed.length, resumed.blocked.length]).toEqual([0, 0]);
    expect(resumed.applied.map((o) => o.operation.type)).toEqual(['add_member', 'set_grants', 'grant_kind']);
    const member = target.store.memberships.get('t1')?.get('tgt-ada');
    expect([...(member?.kinds ?? [])].sort()).toEqual(['admin', 'member']);
    const replan = await planMigration({ source: sourceDirectory, target: targetDirectory, mapping });
    expect(replan.operations).toEqual([]);
  });

  it('refuses a second run on a journal in use, and takes over a lock left by a dead process', async () => {
    const { sourceDirectory, targetDirectory } = world();
    const plan = await planMigration({ source: sourceDirectory, target: targetDirectory, mapping });
    const journal = join(mkdtempSync(join(tmpdir(), 'orgport-journal-')), 'j.ndjson');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first run holds the journal while its first operation waits at the gate.
    const held = {
      ...targetDirectory,
      members: {
        ...targetDirectory.members,
        add: async (...args: Parameters<typeof targetDirectory.members.add>) => {
          await gate;
          return targetDirectory.members.add(...args);
        },
      },
    };
    const first = applyMigration(plan, { target: held, journal, concurrency: 1 });
    const firstDone = first.then(() => 'done');
    await new Promise((resolve) => setImmediate(resolve));
    const second = await applyMigration(plan, { target: targetDirectory, journal, resume: true }).catch(
      (e: unknown) => e,
    );
    release();
    expect(OrgPortError.is(second, 'failed_precondition')).toBe(true);
    expect((second as Error).message).toMatch(new RegExp(`in use by process ${process.pid} on `));
    expect(await firstDone).toBe('done');
    expect(existsSync(`${journal}.lock`)).toBe(false);

    // A lock whose process is gone (same host, dead pid) is stale: the next run takes it over.
    writeFileSync(
      `${journal}.lock`,
      JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), startedAt: new Date(0).toISOString() }),
    );
    const resumed = await applyMigration(plan, { target: targetDirectory, journal, resume: true });
    expect(resumed.failed).toEqual([]);
    // A lock held on another host cannot be checked from here: refused, naming it.
    writeFileSync(`${journal}.lock`, JSON.stringify({ pid: 1, host: 'elsewhere', startedAt: 'x' }));
    await expect(applyMigration(plan, { target: targetDirectory, journal, resume: true })).rejects.toThrow(
      /in use by process 1 on elsewhere/,
    );
  });

  it('changes only what the plan changes: a group granted after planning survives, a conflicting move fails', async () => {
    const { sourceDirectory, targetDirectory, target } = world();
    const plan = await planMigration({ source: sourceDirectory, target: targetDirectory, mapping });
    // After planning, dee (already a member, planned to get Viewers in Web and API) is given
    // an organization role on the target. The plan's set_grants must not take it away.
    const t = target.store;
    t.addRole({ id: 'r-support', name: 'support' });
    t.membership('t1', 'tgt-dee').roleIds.add('r-support');
    const result = await applyMigration(plan, { target: targetDirectory });
    expect(result.failed).toEqual([]);
    const dee = t.memberships.get('t1')?.get('tgt-dee');
    expect([...(dee?.roleIds ?? [])]).toEqual(['r-support']);
    expect([...(dee?.productGroups.entries() ?? [])].sort()).toEqual([
      ['p-api', 'p-api-view'],
      ['p-web', 'p-web-view'],
    ]);

    // Now a stale plan meets a product whose group moved: refused as a conflict, not overwritten.
    const stale = await planMigration({ source: sourceDirectory, target: targetDirectory, mapping });
    expect(stale.operations).toEqual([]);
    const { sourceDirectory: src2, targetDirectory: tgt2, target: target2 } = world();
    const plan2 = await planMigration({ source: src2, target: tgt2, mapping });
    target2.store.membership('t1', 'tgt-dee').productGroups.set('p-web', 'p-web-dev');
    const conflicted = await applyMigration(plan2, { target: tgt2 });
    expect(
      conflicted.failed.map((f) => ['email' in f.operation ? f.operation.email : '', f.code, f.reason]),
    ).toEqual([['dee@example.com', 'conflict', expect.any(String)]]);
    expect(conflicted.failed[0]?.reason).toMatch(
      /^conflict: product p-web now holds group p-web-dev.*re-plan/,
    );
    expect(target2.store.memberships.get('t1')?.get('tgt-dee')?.productGroups.get('p-web')).toBe('p-web-dev');
  });
});

describe('migration inputs nobody should trust', () => {
  it('repairs a journal whose last line a kill cut short, and says so', async () => {
    const { sourceDirectory, targetDirectory, target } = world();
    const plan = await planMigration({ source: sourceDirectory, target: targetDirectory, mapping });
    const journal = join(mkdtempSync(join(tmpdir(), 'orgport-journal-')), 'j.ndjson');
    target.store.users.delete('tgt-bob');
    await applyMigration(plan, { target: targetDirectory, journal });
    target.store.addUser({ id: 'tgt-bob', email: 'BOB@example.com' });
    appendFileSync(journal, '{"type":"op","id":"abc","sta');
    const resumed = await applyMigration(plan, { target: targetDirectory, journal, resume: true });
    expect(resumed.repairedJournalBytes).toBe(Buffer.byteLength('{"type":"op","id":"abc","sta'));
    expect(resumed.failed).toEqual([]);
    // Every line is whole again, and a further resume reads it.
    for (const line of readFileSync(journal, 'utf8').trim().split('\n'))
      expect(() => JSON.parse(line)).not.toThrow();
    const again = await applyMigration(plan, { target: targetDirectory, journal, resume: true });
    expect([again.applied.length, again.repairedJournalBytes]).toEqual([0, 0]);
  });

  it('plans tenants whose organizations are named like object members', async () => {
    const source = createMemoryAdapter({ name: 'source' });
    const target = createMemoryAdapter({ name: 'target' });
    for (const [index, name] of ['constructor', 'toString', '__proto__', 'hasOwnProperty'].entries()) {
      source.store.addOrganization({ id: `s${index}`, name });
      source.store.addUser({ id: `u${index}`, email: `u${index}@example.com` });
      source.store.membership(`s${index}`, `u${index}`).kinds.add('member');
    }
    target.store.addOrganization({ id: 't0', name: 'constructor' });
    const plan = await planMigration({
      source: createDirectory(source),
      target: createDirectory(target),
      mapping: { unmapped: 'warn', organizations: { rename: { toString: 'renamed' } } },
    });
    const created = plan.operations.flatMap((o) =>
      o.type === 'create_organization' ? [o.organization.name] : [],
    );
    expect(created.sort()).toEqual(['__proto__', 'hasOwnProperty', 'renamed']);
    const result = await applyMigration(plan, { target: createDirectory(target) });
    expect(result.failed).toEqual([]);
    const replan = await planMigration({
      source: createDirectory(source),
      target: createDirectory(target),
      mapping: { unmapped: 'warn', organizations: { rename: { toString: 'renamed' } } },
    });
    expect(replan.operations).toEqual([]);
  });

  it('checks a plan file completely: schema, ids that are never paths, planId against its operations', async () => {
    const { sourceDirectory, targetDirectory } = world();
    const plan = await planMigration({ source: sourceDirectory, target: targetDirectory, mapping });
    expect(loadPlan(JSON.stringify(plan))).toEqual(plan);
    expect(() => loadPlan(JSON.stringify(plan).slice(0, -20))).toThrow('plan is not valid JSON (cut short?)');
    expect(() => loadPlan({ ...plan, planId: '../../etc/passwd' })).toThrow(
      /plan: planId: must be an operation id/,
    );
    const renamed = {
      ...plan,
      operations: plan.operations.map((o, i) => (i === 0 ? { ...o, type: 'drop_table' } : o)),
    };
    expect(() => loadPlan(renamed)).toThrow(/plan: operations\[0\]/);
    const fewer = { ...plan, operations: plan.operations.slice(1) };
    expect(() => loadPlan(fewer)).toThrow(/summary does not match/);
    const grants = plan.operations.find((o) => o.type === 'set_grants');
    const widened = {
      ...plan,
      operations: plan.operations.map((o) => (o === grants ? { ...o, grants: 'everything' } : o)),
    };
    expect(() => loadPlan(widened)).toThrow(/grants/);
  });

  it('refuses a selection naming an organization the source lacks, and counts pending invitations', async () => {
    const { sourceDirectory, targetDirectory } = world();
    await expect(
      planMigration({
        source: sourceDirectory,
        target: targetDirectory,
        mapping,
        organizations: ['acme', 'nope'],
      }),
    ).rejects.toThrow(/no organization with id or name "nope"/);
    const plan = await planMigration({ source: sourceDirectory, target: targetDirectory, mapping });
    const invites = plan.operations.filter((o) => o.type === 'invite').length;
    expect(invites).toBeGreaterThan(0);
    await applyMigration(plan, { target: targetDirectory });
    const replan = await planMigration({ source: sourceDirectory, target: targetDirectory, mapping });
    expect(replan.operations).toEqual([]);
    expect(replan.summary.pendingInvitations).toBe(invites);
  });
});

describe('snapshots', () => {
  it('round-trips through JSON and NDJSON', async () => {
    const { sourceDirectory } = world();
    const taken = await snapshot(sourceDirectory);
    expect(loadSnapshot(JSON.stringify(taken))).toEqual(taken);
    const lines: string[] = [];
    for await (const record of snapshotRecords(sourceDirectory)) lines.push(JSON.stringify(record));
    const fromLines = loadSnapshot(lines.join('\n'));
    expect({ ...fromLines, createdAt: '' }).toEqual({ ...taken, createdAt: '' });
    expect(fromLines.organizations[0]?.members).toHaveLength(5);
  });

  it('rejects malformed snapshots naming the line and field', () => {
    expect(() => loadSnapshot('')).toThrow('snapshot: empty');
    expect(() => loadSnapshot('{"format":"orgport.snapshot"}')).toThrow(/snapshot: .*version/);
    const header = JSON.stringify({
      type: 'header',
      format: 'orgport.snapshot',
      version: 1,
      createdAt: 'x',
      source: { vendor: 'v' },
    });
    expect(() => loadSnapshot(`${header}\n{"type":"member","organizationId":"o","member":{}}`)).toThrow(
      /line 2: member\.user/,
    );
    expect(() => loadSnapshot(`${header}\nnot json`)).toThrow(/line 2 is not valid JSON/);
  });

  it('refuses a snapshot without its trailer, or whose trailer does not match what it holds', async () => {
    const { sourceDirectory } = world();
    const lines: string[] = [];
    for await (const record of snapshotRecords(sourceDirectory)) lines.push(JSON.stringify(record));
    expect(JSON.parse(lines.at(-1) ?? '{}')).toEqual({
      type: 'trailer',
      organizations: 1,
      members: 5,
      invitations: 0,
    });
    expect(() => loadSnapshot(lines.slice(0, -1).join('\n'))).toThrow(/cut short: it has no trailer record/);
    // A member line lost in the middle: the trailer no longer matches.
    const gapped = [...lines.slice(0, 3), ...lines.slice(4)];
    expect(() => loadSnapshot(gapped.join('\n'))).toThrow(
      /declares 1 organizations, 5 members .* holds 1, 4 and 0/,
    );
    expect(() => loadSnapshot([...lines, lines[2]].join('\n'))).toThrow(/records after the trailer/);
  });
});
