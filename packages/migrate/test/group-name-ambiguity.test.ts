import { createDirectory } from '@orgport/core';
import { createMemoryAdapter } from '@orgport/testkit/memory';
import { describe, expect, it } from 'vitest';
import { applyMigration, planMigration, type RoleMappingInput } from '../src/index.js';

// Target names match case-insensitively only when that is unambiguous: the exact name wins,
// and two names differing only in case with none exact are a reported loss, never a guess.

function world(groupNames: readonly string[], productNames: readonly string[] = ['Web']) {
  const source = createMemoryAdapter({ name: 'source' });
  source.store.addOrganization({ id: 'o1', name: 'acme' });
  source.store.addRole({ id: 'r-edit', name: 'editor' });
  for (const name of ['ada', 'bob']) {
    source.store.addUser({ id: `s-${name}`, email: `${name}@example.com` });
    const record = source.store.membership('o1', `s-${name}`);
    record.kinds.add('member');
    record.roleIds.add('r-edit');
  }
  const target = createMemoryAdapter({ name: 'target' });
  target.store.addOrganization({ id: 't1', name: 'acme' });
  for (const [p, productName] of productNames.entries()) {
    target.store.addProduct({ id: `p${p}`, organizationId: 't1', name: productName });
    for (const [g, name] of groupNames.entries())
      target.store.addProductGroup({ id: `p${p}-g${g}`, productId: `p${p}`, name });
  }
  for (const name of ['ada', 'bob']) {
    target.store.addUser({ id: `t-${name}`, email: `${name}@example.com` });
    target.store.membership('t1', `t-${name}`).kinds.add('member');
  }
  return { source: createDirectory(source), target: createDirectory(target), store: target.store };
}

const mapping = (product: string, group: string): RoleMappingInput => ({
  unmapped: 'warn',
  rules: [{ from: { role: 'editor' }, to: [{ product, group }] }],
});

const grantedGroups = (plan: Awaited<ReturnType<typeof planMigration>>) =>
  plan.operations.flatMap((op) => (op.type === 'set_grants' ? op.add.map((grant) => grant.groupId) : []));

describe('target group names', () => {
  it('the exact name wins over one that differs only in case', async () => {
    for (const [names, exact] of [
      [['DEVELOPERS', 'Developers'], 'p0-g1'],
      [['Developers', 'DEVELOPERS'], 'p0-g0'],
    ] as const) {
      const { source, target, store } = world(names);
      const plan = await planMigration({ source, target, mapping: mapping('Web', 'Developers') });
      expect(grantedGroups(plan)).toEqual([exact, exact]);
      await applyMigration(plan, { target });
      expect([...(store.memberships.get('t1')?.get('t-ada')?.productGroups.values() ?? [])]).toEqual([exact]);
    }
  });

  it('one name differing only in case still matches when it is the only one', async () => {
    const { source, target } = world(['DEVELOPERS']);
    const plan = await planMigration({ source, target, mapping: mapping('web', 'developers') });
    expect(grantedGroups(plan)).toEqual(['p0-g0', 'p0-g0']);
  });

  it('several names differing only in case, none exact, are a loss naming them, and nothing is granted', async () => {
    const { source, target } = world(['DEVELOPERS', 'Developers']);
    const plan = await planMigration({ source, target, mapping: mapping('Web', 'developers') });
    expect(grantedGroups(plan)).toEqual([]);
    expect(plan.losses).toHaveLength(2);
    for (const loss of plan.losses) {
      expect(loss.reason).toContain('2 groups named like developers');
      expect(loss.reason).toContain('"DEVELOPERS", "Developers"');
    }
  });

  it('so are products whose names differ only in case', async () => {
    const { source, target } = world(['Developers'], ['WEB', 'Web ', 'web']);
    const ambiguous = await planMigration({ source, target, mapping: mapping('Web', 'Developers') });
    expect(grantedGroups(ambiguous)).toEqual([]);
    expect(ambiguous.losses[0]?.reason).toContain('2 products named like Web');
    const exact = await planMigration({ source, target, mapping: mapping('web', 'Developers') });
    expect(grantedGroups(exact)).toEqual(['p2-g0', 'p2-g0']);
  });
});
