import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDirectory, OrgPortError } from '@orgport/core';
import { createMemoryAdapter } from '@orgport/testkit/memory';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyMigration,
  loadPlan,
  type MigrationPlan,
  planMigration,
  type RoleMappingInput,
  verifyPlan,
} from '../src/index.js';

// A plan's ids bind its contents: any edit of a plan file (or a store's copy) is refused, and
// two plans never share an id, so a journal or a store keyed by the id cannot be reused by
// another plan.

const folder = mkdtempSync(join(tmpdir(), 'orgport-plan-binding-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Every kind of operation: create, add, set grants, grant and revoke kinds, invite, remove. */
function world() {
  const source = createMemoryAdapter({ name: 'source' });
  const s = source.store;
  s.addOrganization({ id: 'o1', name: 'acme', displayName: 'Acme Inc.' });
  s.addOrganization({ id: 'o2', name: 'globex' });
  s.addRole({ id: 'r-edit', name: 'editor' });
  for (const [name, kinds] of [
    ['ada', ['admin']],
    ['bob', []],
    ['cy', []],
    ['dee', []],
  ] as const) {
    s.addUser({ id: `s-${name}`, email: `${name}@example.com` });
    const record = s.membership('o1', `s-${name}`);
    record.kinds.add('member');
    for (const kind of kinds) record.kinds.add(kind);
    record.roleIds.add('r-edit');
  }
  const target = createMemoryAdapter({ name: 'target' });
  const t = target.store;
  t.addOrganization({ id: 't1', name: 'acme' });
  t.addProduct({ id: 'p-web', organizationId: 't1', name: 'Web' });
  t.addProductGroup({ id: 'p-web-dev', productId: 'p-web', name: 'Developers' });
  t.addUser({ id: 't-ada', email: 'ada@example.com' });
  t.addUser({ id: 't-bob', email: 'bob@example.com' });
  t.membership('t1', 't-bob').kinds.add('member');
  t.membership('t1', 't-bob').kinds.add('billing_manager');
  t.addUser({ id: 't-zed', email: 'zed@example.com' });
  t.membership('t1', 't-zed').kinds.add('member');
  return { source: createDirectory(source), target: createDirectory(target), store: t };
}

const mapping: RoleMappingInput = {
  unmapped: 'warn',
  rules: [{ from: { role: 'editor' }, to: [{ product: 'Web', group: 'Developers' }] }],
};

/** Every edit of one leaf of a JSON value: strings changed, numbers bumped, lists grown and cut. */
function* edits(
  value: unknown,
  path: (string | number)[] = [],
): Generator<[string, (root: unknown) => void]> {
  type Node = Record<string | number, unknown> & unknown[];
  const at = (root: unknown) => path.slice(0, -1).reduce((node, step) => (node as Node)[step], root) as Node;
  const key = path[path.length - 1] as string | number;
  if (typeof value === 'string')
    yield [
      path.join('.'),
      (root) => {
        at(root)[key] = value === 'admin' ? 'billing_manager' : `${value}x`;
      },
    ];
  else if (typeof value === 'number')
    yield [
      path.join('.'),
      (root) => {
        at(root)[key] = value + 1;
      },
    ];
  else if (Array.isArray(value)) {
    if (value.length > 0)
      yield [`${path.join('.')} (cut)`, (root) => void (at(root)[key] as unknown[]).pop()];
    for (const [index, item] of value.entries()) yield* edits(item, [...path, index]);
    if (value.length > 0)
      yield [
        `${path.join('.')} (grown)`,
        (root) => void (at(root)[key] as unknown[]).push(structuredClone(value[0])),
      ];
  } else if (value && typeof value === 'object') {
    for (const [field, item] of Object.entries(value)) yield* edits(item, [...path, field]);
  }
}

describe('plan contents are bound to ids', () => {
  it('refuses every edit of every field of every operation, and of the plan around them', async () => {
    const { source, target } = world();
    const plan = await planMigration({ source, target, mapping, prune: true });
    const types = new Set(plan.operations.map((operation) => operation.type));
    expect([...types].sort()).toEqual([
      'add_member',
      'create_organization',
      'grant_kind',
      'invite',
      'remove_member',
      'revoke_kind',
      'set_grants',
    ]);
    expect(loadPlan(JSON.stringify(plan))).toEqual(plan);
    let tried = 0;
    for (const [where, edit] of edits(plan)) {
      if (where === 'planId' || where === 'format' || where === 'version') continue;
      const edited = structuredClone(plan) as MigrationPlan;
      edit(edited);
      tried++;
      let refusal: unknown;
      try {
        verifyPlan(JSON.parse(JSON.stringify(edited)), 'stored plan');
      } catch (error) {
        refusal = error;
      }
      expect(OrgPortError.is(refusal, 'invalid_argument'), `editing ${where} must be refused`).toBe(true);
    }
    expect(tried).toBeGreaterThan(100);
  });

  it('names what was changed: an invitation sent elsewhere, a kind made admin', async () => {
    const { source, target } = world();
    const plan = await planMigration({ source, target, mapping, prune: true });
    const redirect = structuredClone(plan) as unknown as {
      operations: { type: string; email?: string; kind?: string }[];
    };
    const invite = redirect.operations.findIndex((operation) => operation.type === 'invite');
    (redirect.operations[invite] as { email: string }).email = 'attacker@example.net';
    expect(() => loadPlan(redirect, 'plan file p.json')).toThrow(
      new RegExp(`plan file p.json: operations\\[${invite}\\] \\(invite\\) does not match its id`),
    );
    const promote = structuredClone(plan) as unknown as { operations: { type: string; kind?: string }[] };
    const revoke = promote.operations.findIndex((operation) => operation.type === 'revoke_kind');
    (promote.operations[revoke] as { type: string }).type = 'grant_kind';
    expect(() => loadPlan(promote)).toThrow(/\(grant_kind\) does not match its id/);
  });
});

describe('plan ids are never reused', () => {
  it('a re-plan of the same operations is another plan: it cannot resume the first plan’s journal', async () => {
    const first = world();
    const plan = await planMigration({ source: first.source, target: first.target, mapping });
    const journal = join(folder, 'first.ndjson');
    const done = await applyMigration(plan, { target: first.target, journal });
    expect(done.failed).toEqual([]);
    // The target is reset to what it was, and planned again: the same operations.
    const reset = world();
    const again = await planMigration({ source: reset.source, target: reset.target, mapping });
    expect(again.operations).toEqual(plan.operations);
    expect(again.planId).not.toBe(plan.planId);
    // Resuming the old journal with the new plan would report everything done, having written
    // nothing: refused.
    await expect(applyMigration(again, { target: reset.target, journal, resume: true })).rejects.toThrow(
      /belongs to plan/,
    );
    const fresh = await applyMigration(again, {
      target: reset.target,
      journal: join(folder, 'again.ndjson'),
    });
    expect(fresh.applied).toHaveLength(plan.operations.length);
    expect([...(reset.store.memberships.get('t1')?.get('t-ada')?.productGroups.values() ?? [])]).toEqual([
      'p-web-dev',
    ]);
  });
});
