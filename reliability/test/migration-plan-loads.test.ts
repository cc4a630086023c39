import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createDirectory } from '@orgport/core';
import { createVirtualClock } from '@orgport/core/driver';
import { loadPlan, planMigration, type RoleMappingInput } from '@orgport/migrate';
import { startAuth0Simulator } from '@orgport/simulator-auth0';
import { createMemoryAdapter } from '@orgport/testkit/memory';
import { afterEach, describe, expect, it } from 'vitest';

// A plan orgport wrote must load: whatever the planner emits, its loader accepts, and what a
// plan cannot carry (a NUL, which a PostgreSQL store refuses) is a loss at plan time; one odd
// email costs that member, never the plan.

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const mapping: RoleMappingInput = {
  unmapped: 'warn',
  rules: [{ from: { role: 'editor' }, to: [{ role: 'developer' }] }],
};

function source(organizations: readonly { name: string; displayName?: string; emails: readonly string[] }[]) {
  const memory = createMemoryAdapter({ name: 'source' });
  const s = memory.store;
  s.addRole({ id: 'r-edit', name: 'editor' });
  for (const [o, organization] of organizations.entries()) {
    s.addOrganization({ id: `o${o}`, ...organization });
    for (const [u, email] of organization.emails.entries()) {
      s.addUser({ id: `s${o}-${u}`, email });
      const record = s.membership(`o${o}`, `s${o}-${u}`);
      record.kinds.add('member');
      record.roleIds.add('r-edit');
    }
  }
  return createDirectory(memory);
}

async function auth0Target() {
  const sim = await startAuth0Simulator({ seed: 5, clock: createVirtualClock() });
  const target = createDirectory(
    createAuth0Adapter({ baseUrl: sim.url, clientId: sim.clientId, clientSecret: sim.clientSecret }),
  );
  closers.push(target.close, sim.close);
  sim.store.addRole('developer');
  return { sim, target };
}

describe('a plan orgport wrote loads', () => {
  it('carries a 1,125-character organization name and loads it back', async () => {
    const long = `Acme ${'x'.repeat(1120)}`;
    const target = createMemoryAdapter({ name: 'target' });
    target.store.addOrganization({ id: 't1', name: long });
    target.store.addRole({ id: 'r-dev', name: 'developer' });
    target.store.addUser({ id: 't-ada', email: 'ada@example.com' });
    target.store.membership('t1', 't-ada').kinds.add('member');
    const plan = await planMigration({
      source: source([{ name: 'acme', displayName: long, emails: ['ada@example.com'] }]),
      target: createDirectory(target),
      mapping,
    });
    expect(plan.operations.map((operation) => operation.organization.name.length)).toEqual([1125]);
    expect(loadPlan(JSON.stringify(plan))).toEqual(plan);
  });

  it('reports a name with a NUL as a loss at plan time, and writes no NUL anywhere in the plan', async () => {
    const { target } = await auth0Target();
    const plan = await planMigration({
      source: source([
        { name: 'nul\u0000org', displayName: 'Nul\u0000Org', emails: ['ada@example.com'] },
        { name: 'fine', emails: ['bob@example.com'] },
      ]),
      target,
      mapping,
    });
    expect(plan.operations.filter((operation) => operation.type === 'create_organization')).toHaveLength(1);
    expect(plan.losses).toContainEqual(
      expect.objectContaining({
        item: 'organization',
        reason: expect.stringContaining('must not contain a NUL character'),
      }),
    );
    const text = JSON.stringify(plan);
    expect(text.includes('\\u0000')).toBe(false);
    expect(loadPlan(text)).toEqual(plan);
  });

  it('makes one loss of each email the target refuses (Auth0) and plans the rest', async () => {
    const { sim, target } = await auth0Target();
    const organization = sim.store.addOrganization({ name: 'acme' });
    const emails = ['jörg@example.com', 'bob@example.com ', 'ada@example.com', 'cy@example.com'];
    for (const email of ['ada@example.com', 'cy@example.com']) sim.store.addUser({ email });
    const plan = await planMigration({ source: source([{ name: 'acme', emails }]), target, mapping });
    const refused = plan.losses.filter((loss) => loss.reason.startsWith('the target refuses the email'));
    expect(refused.map((loss) => loss.email).sort()).toEqual(['bob@example.com ', 'jörg@example.com']);
    const added = plan.operations.flatMap((operation) =>
      operation.type === 'add_member' ? [operation.email] : [],
    );
    expect(added.sort()).toEqual(['ada@example.com', 'cy@example.com']);
    expect(plan.operations.every((operation) => operation.organization.id === organization.id)).toBe(true);
    expect(loadPlan(JSON.stringify(plan))).toEqual(plan);
  });

  it('makes a kind the Auth0 target has no role for a loss at plan time, not a failure at apply', async () => {
    const { sim, target } = await auth0Target();
    const organization = sim.store.addOrganization({ name: 'acme' });
    const memory = createMemoryAdapter({ name: 'source' });
    memory.store.addOrganization({ id: 'o1', name: 'acme' });
    for (const name of ['ada', 'bob']) {
      memory.store.addUser({ id: `s-${name}`, email: `${name}@example.com` });
      memory.store.membership('o1', `s-${name}`).kinds.add('member');
      memory.store.membership('o1', `s-${name}`).kinds.add('admin');
      const user = sim.store.addUser({ email: `${name}@example.com` });
      sim.store.addMember(organization.id, user.user_id);
    }
    expect([...sim.store.roles.values()].map((role) => role.name)).not.toContain('admin');
    const plan = await planMigration({ source: createDirectory(memory), target, mapping });
    expect(plan.operations.filter((operation) => operation.type === 'grant_kind')).toEqual([]);
    const lost = plan.losses.filter((loss) => loss.item === 'kind admin');
    expect(lost.map((loss) => loss.email).sort()).toEqual(['ada@example.com', 'bob@example.com']);
    expect(lost[0]?.reason).toMatch(/No Auth0 role named admin/);
    // With the role there, the kind is planned.
    sim.store.addRole('admin');
    const again = await planMigration({ source: createDirectory(memory), target, mapping });
    expect(again.operations.filter((operation) => operation.type === 'grant_kind')).toHaveLength(2);
  });
});
