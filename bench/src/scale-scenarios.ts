import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { createDirectory } from '@orgport/core';
import { applyMigration, planMigration, type RoleMappingInput, snapshot } from '@orgport/migrate';
import { startCloudOrgSimulator } from '@orgport/simulator-cloud-org';
import { createMemoryAdapter } from '@orgport/testkit/memory';
import type { Figure } from './scenarios.js';

type Progress = (line: string) => void;

/** A memory source of `members` members of one organization, each an editor. */
function editors(members: number) {
  const source = createMemoryAdapter({ name: 'source' });
  source.store.addOrganization({ id: 'o1', name: 'acme' });
  source.store.addRole({ id: 'r-edit', name: 'editor' });
  source.store.addRole({ id: 'r-view', name: 'viewer' });
  for (let n = 0; n < members; n++) {
    source.store.addUser({ id: `s${n}`, email: `user${n}@example.com` });
    const record = source.store.membership('o1', `s${n}`);
    record.kinds.add('member');
    record.roleIds.add('r-edit');
    record.roleIds.add('r-view');
  }
  return createDirectory(source);
}

/** 7a. Invitations: the rate of the first and the last fifth of a run inviting `invites` people into one organization. */
export async function inviteScale(log: Progress, invites = 4000): Promise<Figure[]> {
  const sim = await startCloudOrgSimulator({ seed: 7, rateLimit: false });
  const organization = sim.store.addOrganization('acme');
  sim.store.membership(organization.organizationId, sim.callerId).isAdmin = true;
  const product = sim.store.addProduct(organization.organizationId, 'Web');
  sim.store.addGroup(product.productId, 'Developers');
  const target = createDirectory(
    createCloudOrgAdapter({ baseUrl: sim.url, username: sim.username, password: sim.password }),
  );
  try {
    const mapping: RoleMappingInput = {
      rules: [{ from: { role: 'editor' }, to: [{ product: 'Web', group: 'Developers' }] }],
    };
    const plan = await planMigration({ source: editors(invites), target, mapping });
    const times: number[] = [];
    const route = 'GET /v1/organizations/:organizationId/invitations';
    const listsBefore = sim.stats.byRoute.get(route) ?? 0;
    const started = performance.now();
    await applyMigration(plan, { target, concurrency: 8, onProgress: () => times.push(performance.now()) });
    const lists = (sim.stats.byRoute.get(route) ?? 0) - listsBefore;
    const fifth = Math.floor(times.length / 5);
    const rate = (from: number, to: number) =>
      (to - from) / (((times[to - 1] ?? 0) - (from === 0 ? started : (times[from - 1] ?? 0))) / 1000);
    const first = rate(0, fifth);
    const last = rate(times.length - fifth, times.length);
    log(
      `  ${invites} invites: ${first.toFixed(0)}/s first fifth, ${last.toFixed(0)}/s last fifth, ${lists} listings`,
    );
    const s = `migration at scale: ${invites.toLocaleString('en')} invitations into one cloud-org organization`;
    return [
      {
        scenario: s,
        figure: 'invitations/s: first fifth → last fifth of the run',
        contender: 'orgport',
        value: `${first.toFixed(0)} → ${last.toFixed(0)} (${(last / first).toFixed(2)})`,
        numeric: last / first,
        goal: '≥ 0.8 (linear: the rate holds)',
        met: last / first >= 0.8,
      },
      {
        scenario: s,
        figure:
          'pending-invitation listings (the run’s one per organization + the adapter’s read-back per invite)',
        contender: 'orgport',
        value: String(lists),
      },
    ];
  } finally {
    await target.close();
    await sim.close();
  }
}

/** 7b. Planning: the same members planned with 100 and with 20,000 mapping rules. */
export async function planningScale(log: Progress, members = 5000): Promise<Figure[]> {
  const source = await snapshot(editors(members));
  const target = createMemoryAdapter({ name: 'target' });
  target.store.addOrganization({ id: 't1', name: 'acme' });
  target.store.addRole({ id: 'r-dev', name: 'developer' });
  for (let n = 0; n < members; n++) {
    target.store.addUser({ id: `t${n}`, email: `user${n}@example.com` });
    target.store.membership('t1', `t${n}`).kinds.add('member');
  }
  const directory = createDirectory(target);
  /** `rules` rules, the two that match last (a scan reads them all). */
  const mapping = (rules: number): RoleMappingInput => ({
    unmapped: 'skip',
    rules: [
      ...Array.from({ length: rules - 2 }, (_, n) => ({
        from: { role: `unused-${n}` },
        to: [{ role: 'developer' }],
      })),
      { from: { role: 'editor' }, to: [{ role: 'developer' }] },
      { from: { role: 'viewer' }, to: [{ role: 'developer' }] },
    ],
  });
  const time = async (rules: number) => {
    const started = performance.now();
    const plan = await planMigration({ source, target: directory, mapping: mapping(rules) });
    const ms = performance.now() - started;
    if (plan.operations.length !== members) throw new Error(`planned ${plan.operations.length} operations`);
    return ms;
  };
  await time(100); // warm-up
  const few = await time(100);
  const many = await time(20_000);
  log(`  plan ${members} members: ${few.toFixed(0)} ms with 100 rules, ${many.toFixed(0)} ms with 20,000`);
  const s = `migration at scale: planning ${members.toLocaleString('en')} members`;
  return [
    {
      scenario: s,
      figure: 'plan time: 100 rules → 20,000 rules',
      contender: 'orgport',
      value: `${(few / 1000).toFixed(2)} s → ${(many / 1000).toFixed(2)} s (${(many / few).toFixed(2)})`,
      numeric: many / few,
      goal: '≤ 1.5 (rules indexed: members × rules never multiply)',
      met: many / few <= 1.5,
    },
  ];
}
