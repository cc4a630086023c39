import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { createDirectory, type PermissionGrant } from '@orgport/core';
import { createVirtualClock } from '@orgport/core/driver';
import { applyMigration, loadRoleMapping, planMigration, RuleIndex } from '@orgport/migrate';
import { startCloudOrgSimulator } from '@orgport/simulator-cloud-org';
import { createMemoryAdapter } from '@orgport/testkit/memory';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// Work that grows with the data, not with its square: invitations list each organization's
// pending invitations once per run, and the mapping's rules are looked up by what they match.
// (Speed itself is in the bench: `bench/src/scale-scenarios.ts`.)

describe('migration work grows linearly', () => {
  it('the run lists pending invitations once per organization, not once per invitation', async () => {
    const clock = createVirtualClock();
    const sim = await startCloudOrgSimulator({ seed: 9, clock });
    const source = createMemoryAdapter({ name: 'source' });
    source.store.addRole({ id: 'r-edit', name: 'editor' });
    const INVITES = 120;
    for (const name of ['acme', 'globex']) {
      const organization = sim.store.addOrganization(name);
      sim.store.membership(organization.organizationId, sim.callerId).isAdmin = true;
      const product = sim.store.addProduct(organization.organizationId, 'Web');
      sim.store.addGroup(product.productId, 'Developers');
      source.store.addOrganization({ id: name, name });
      for (let n = 0; n < INVITES; n++) {
        source.store.addUser({ id: `${name}-${n}`, email: `${name}-${n}@example.com` });
        source.store.membership(name, `${name}-${n}`).kinds.add('member');
        source.store.membership(name, `${name}-${n}`).roleIds.add('r-edit');
      }
    }
    // One invitation already sent by an earlier run that died before journaling it.
    const target = createDirectory(
      createCloudOrgAdapter({
        baseUrl: sim.url,
        username: sim.username,
        password: sim.password,
        http: { clock },
      }),
    );
    try {
      const plan = await planMigration({
        source: createDirectory(source),
        target,
        mapping: { rules: [{ from: { role: 'editor' }, to: [{ product: 'Web', group: 'Developers' }] }] },
      });
      expect(plan.operations.filter((operation) => operation.type === 'invite')).toHaveLength(2 * INVITES);
      const first = plan.operations.find((operation) => operation.type === 'invite');
      if (first?.type !== 'invite') throw new Error('no invite planned');
      await target.invitations.create(first.organization.id as string, {
        email: first.email,
        grants: [...first.grants],
      });
      const listsBefore = sim.stats.byRoute.get('GET /v1/organizations/:organizationId/invitations') ?? 0;
      const result = await applyMigration(plan, { target, concurrency: 4 });
      expect([result.failed, result.blocked]).toEqual([[], []]);
      expect(result.skipped.map((outcome) => outcome.reason)).toEqual(['already invited']);
      const lists =
        (sim.stats.byRoute.get('GET /v1/organizations/:organizationId/invitations') ?? 0) - listsBefore;
      // One listing per organization by the run; the adapter reads back each invitation it
      // creates (cloud-org answers an invite with no body), one listing per new invitation.
      const created = 2 * INVITES - 1;
      expect(lists).toBe(2 + created);
      expect(sim.store.invitations.size).toBe(2 * INVITES);
    } finally {
      await target.close();
      await sim.close();
    }
  });

  it('the rule index finds exactly the rules a naive scan would, in priority order', () => {
    const names = ['Editor', 'viewer', 'Developers', 'QA', '*'];
    const products = ['Web', 'api', '*'];
    const from = fc.oneof(
      fc.record({ role: fc.constantFrom(...names) }),
      fc.record({ product: fc.constantFrom(...products), group: fc.constantFrom(...names) }),
    );
    const grant = fc.oneof(
      fc.constantFrom(...names).map(
        (name): PermissionGrant => ({
          scope: { type: 'organization' },
          group: { id: name, name: name.toUpperCase() },
        }),
      ),
      fc
        .record({ product: fc.constantFrom('WEB', 'Api', 'Mobile', '*'), group: fc.constantFrom(...names) })
        .map(
          ({ product, group }): PermissionGrant => ({
            scope: { type: 'product', productId: product, productName: product },
            group: { id: group, name: group.toLowerCase() },
          }),
        ),
    );
    const lower = (text: string) => text.toLowerCase();
    fc.assert(
      fc.property(fc.array(from, { maxLength: 12 }), fc.array(grant, { maxLength: 6 }), (froms, grants) => {
        const mapping = loadRoleMapping({ rules: froms.map((f) => ({ from: f, to: [{ kind: 'admin' }] })) });
        const index = new RuleIndex(mapping);
        for (const g of grants) {
          const naive = mapping.rules.flatMap((rule, priority) => {
            const f = rule.from;
            const hit =
              'role' in f
                ? g.scope.type === 'organization' && lower(g.group.name) === lower(f.role)
                : g.scope.type === 'product' &&
                  (f.product === '*' || lower(g.scope.productName ?? '') === lower(f.product)) &&
                  lower(g.group.name) === lower(f.group);
            return hit ? [priority] : [];
          });
          expect(index.matching(g).map((entry) => entry.priority)).toEqual(naive);
        }
      }),
      { numRuns: 300 },
    );
  });
});
