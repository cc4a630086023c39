import { createDirectory, OrgPortError } from '@orgport/core';
import { createVirtualClock } from '@orgport/core/driver';
import { startWorkOSSimulator, WorkOSApiClient, type WorkOSSimulator } from '@orgport/simulator-workos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkOSAdapter } from '../src/index.js';
import { type OfficialEmulator, startOfficialEmulator } from './support/official-emulator.js';

// Where the official emulator falls short of the spec, each shortfall is shown on the
// emulator (so this file notices when it is fixed) and the same scenario runs on our
// simulator, which the spec holds (spec-conformance.test.ts).

interface ListBody {
  data: { id: string; status?: string; role?: { slug: string }; roles?: { slug: string }[] }[];
  list_metadata: { after: string | null };
}

async function seedOrganization(api: WorkOSApiClient, prefix: string, members: number) {
  const org = await api.json<{ id: string }>('POST', '/organizations', { name: prefix, external_id: prefix });
  const users: string[] = [];
  for (let n = 0; n < members; n++) {
    const user = await api.json<{ id: string }>('POST', '/user_management/users', {
      email: `${prefix}${n}@example.com`,
    });
    await api.request('POST', '/user_management/organization_memberships', {
      organization_id: org.id,
      user_id: user.id,
    });
    users.push(user.id);
  }
  return { org: org.id, users };
}

const membershipsOf = (api: WorkOSApiClient, org: string, query = '') =>
  api.json<ListBody>(
    'GET',
    `/user_management/organization_memberships?organization_id=${org}&limit=100${query}`,
  );

describe('where the official emulator falls short of the spec', () => {
  let emulator: OfficialEmulator;
  let api: WorkOSApiClient;
  beforeAll(async () => {
    emulator = await startOfficialEmulator(4);
    api = new WorkOSApiClient(emulator.url, emulator.keys);
  });
  afterAll(() => emulator.close());

  it('lists inactive memberships by default and ignores the statuses filter the SDK sends', async () => {
    const { org } = await seedOrganization(api, 'emu-status-', 2);
    const [first] = (await membershipsOf(api, org)).data;
    await api.request('PUT', `/user_management/organization_memberships/${first?.id}/deactivate`, {});
    // The spec: active only by default; `statuses=active` (comma-separated, as the SDK sends it) filters.
    expect((await membershipsOf(api, org)).data.map((m) => m.status).sort()).toEqual(['active', 'inactive']);
    expect((await membershipsOf(api, org, '&statuses=active')).data).toHaveLength(2);
  });

  it('answers an empty list, not 404, for the memberships of an unknown organization', async () => {
    const answer = await api.request(
      'GET',
      '/user_management/organization_memberships?organization_id=org_nope',
    );
    expect(answer.status).toBe(200);
  });

  it('keeps one role when given several (role_slugs is ignored)', async () => {
    const { org, users } = await seedOrganization(api, 'emu-roles-', 1);
    const [membership] = (await membershipsOf(api, org)).data;
    await api.request('PUT', `/user_management/organization_memberships/${membership?.id}`, {
      role_slugs: ['admin', 'editor'],
    });
    const [after] = (await membershipsOf(api, org)).data;
    expect(after?.role?.slug).toBe('member');
    expect(after?.roles).toBeUndefined();
    expect(users).toHaveLength(1);
  });

  it('restarts a list from its first page when the after cursor was deleted', async () => {
    const { org } = await seedOrganization(api, 'emu-cursor-', 4);
    const first = await api.json<ListBody>(
      'GET',
      `/user_management/organization_memberships?organization_id=${org}&limit=2&order=asc`,
    );
    const cursor = first.list_metadata.after;
    await api.request('DELETE', `/user_management/organization_memberships/${cursor}`);
    const second = await api.json<ListBody>(
      'GET',
      `/user_management/organization_memberships?organization_id=${org}&limit=2&order=asc&after=${cursor}`,
    );
    expect(second.data[0]?.id).toBe(first.data[0]?.id);
  });
});

describe('the same scenarios on our simulator, held to the spec', () => {
  let sim: WorkOSSimulator;
  let api: WorkOSApiClient;
  beforeAll(async () => {
    sim = await startWorkOSSimulator({ apiKeys: ['sk_test_adapter', 'sk_test_seeder'], rateLimits: false });
    api = new WorkOSApiClient(sim.url, ['sk_test_seeder']);
  });
  afterAll(() => sim.close());
  const directory = () =>
    createDirectory(createWorkOSAdapter({ apiKey: 'sk_test_adapter', baseUrl: sim.url }));

  it('lists active memberships by default, filters by statuses, and the adapter reports every status', async () => {
    const { org, users } = await seedOrganization(api, 'sim-status-', 3);
    const listed = (await membershipsOf(api, org, '&order=asc')).data;
    await api.request('PUT', `/user_management/organization_memberships/${listed[0]?.id}/deactivate`, {});
    const pending = sim.store.memberships.get(listed[1]?.id ?? '');
    if (pending) pending.status = 'pending';
    expect((await membershipsOf(api, org)).data.map((m) => m.status)).toEqual(['active']);
    expect((await membershipsOf(api, org, '&statuses=inactive,pending')).data).toHaveLength(2);
    const members = await directory().members.list(org).toArray();
    const statusOf = new Map(members.map((m) => [m.user.id, m.status ?? 'active']));
    expect(users.map((id) => statusOf.get(id))).toEqual(['inactive', 'pending', 'active']);
  });

  it('answers 404 for the memberships of an unknown organization, and the adapter not_found', async () => {
    const answer = await api.request(
      'GET',
      '/user_management/organization_memberships?organization_id=org_nope',
      undefined,
      [404],
    );
    expect(answer.status).toBe(404);
    const error = await directory()
      .members.list('org_nope')
      .toArray()
      .catch((e: unknown) => e);
    expect(OrgPortError.is(error, 'not_found')).toBe(true);
  });

  it('members.add reactivates an inactive membership instead of making a second one', async () => {
    const { org, users } = await seedOrganization(api, 'sim-reactivate-', 1);
    const [membership] = (await membershipsOf(api, org)).data;
    await api.request('PUT', `/user_management/organization_memberships/${membership?.id}/deactivate`, {});
    await directory().members.add(org, users);
    const all = (await membershipsOf(api, org, '&statuses=active,inactive,pending')).data;
    expect(all.map((m) => [m.id, m.status])).toEqual([[membership?.id, 'active']]);
  });

  it('continues after a deleted cursor without loss or repeats', async () => {
    const { org, users } = await seedOrganization(api, 'sim-cursor-', 9);
    const pages = directory().members.list(org, { pageSize: 2 }).pages();
    const seen: string[] = [];
    let deleted: string | undefined;
    for await (const page of pages) {
      seen.push(...page.items.map((m) => m.user.id));
      if (!deleted) {
        // Delete the membership the cursor points at: the last one of this page.
        const last = (await membershipsOf(api, org, '&order=asc')).data[1];
        deleted = last?.id;
        await api.request('DELETE', `/user_management/organization_memberships/${deleted}`);
      }
    }
    expect(seen).toEqual(users);
  });

  it('refuses a page size outside 1–100, as the spec bounds limit', async () => {
    const { org } = await seedOrganization(api, 'sim-limit-', 1);
    for (const limit of [0, 101])
      expect(
        (
          await api.request(
            'GET',
            `/user_management/organization_memberships?organization_id=${org}&limit=${limit}`,
            undefined,
            [422],
          )
        ).status,
      ).toBe(422);
  });
});

describe('rate limits on the simulator (virtual time)', () => {
  it('a member walk under a small read budget waits out every 429 and loses nothing', async () => {
    const clock = createVirtualClock();
    const sim = await startWorkOSSimulator({
      apiKeys: ['sk_test_adapter'],
      clock,
      rateLimits: {
        general: { capacity: 6_000, refillPerSecond: 100 },
        userManagementReads: { capacity: 5, refillPerSecond: 1 },
        userManagementWrites: { capacity: 500, refillPerSecond: 50 },
        organizationDeletes: { capacity: 50, refillPerSecond: 50 / 60 },
      },
    });
    try {
      const org = sim.store.addOrganization({ name: 'limits', external_id: 'limits' });
      const users = Array.from(
        { length: 60 },
        (_, n) => sim.store.addUser({ email: `rl${n}@example.com` }).id,
      );
      for (const user of users) sim.store.addMembership(org.id, user, ['member']);
      let limited = 0;
      const directory = createDirectory(
        createWorkOSAdapter({
          apiKey: 'sk_test_adapter',
          baseUrl: sim.url,
          http: {
            clock,
            onEvent: (event) => {
              if (event.type === 'retry' && event.reason === '429') limited++;
            },
          },
        }),
      );
      const members = await directory.members.list(org.id, { pageSize: 5 }).toArray();
      expect(members.map((m) => m.user.id).sort()).toEqual([...users].sort());
      expect(sim.stats.byStatus.get(429) ?? 0).toBeGreaterThan(0);
      expect(limited).toBeGreaterThan(0);
      expect(clock.sleeps.some((ms) => ms >= 1000)).toBe(true);
      await directory.close();
    } finally {
      await sim.close();
    }
  });

  it('organization deletes have their own budget of 50 per 60 s per key', async () => {
    const clock = createVirtualClock();
    const sim = await startWorkOSSimulator({ apiKeys: ['sk_test_adapter'], clock });
    try {
      const ids = Array.from({ length: 55 }, (_, n) => sim.store.addOrganization({ name: `d${n}` }).id);
      const directory = createDirectory(
        createWorkOSAdapter({ apiKey: 'sk_test_adapter', baseUrl: sim.url, http: { clock } }),
      );
      for (const id of ids) await directory.organizations.delete(id);
      expect(sim.store.organizations.size).toBe(0);
      expect(sim.stats.byStatus.get(429) ?? 0).toBeGreaterThan(0);
      await directory.close();
    } finally {
      await sim.close();
    }
  });
});
