import { startWorkOSSimulator, WorkOSApiClient } from '@orgport/simulator-workos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfficialEmulator } from './support/official-emulator.js';
import { type RecordingProxy, startRecordingProxy } from './support/recording-proxy.js';
import { runSpecScenario } from './support/spec-scenario.js';
import { WorkOSSpec } from './support/workos-spec.js';

// Every answer the adapter reads, from the official emulator and from our simulator, is
// checked against WorkOS's published spec, and so is every request body it sends. The simulator must match it exactly; the
// emulator's shortfalls are listed here one by one, so a change on either side (the
// emulator fixed, or drifting further) fails this test and is looked at.
const spec = new WorkOSSpec();

/** Where the official emulator (workos 0.14.0) answers less than the spec requires. */
const EMULATOR_DEVIATIONS = [
  // Roles carry no permissions or resource type.
  'GET /authorization/roles 200 /data/*: missing permissions',
  'GET /authorization/roles 200 /data/*: missing resource_type_slug',
  // stripe_customer_id is null where the spec has a string or nothing (the adapter does not read it).
  'GET /organizations 200 /data/*/stripe_customer_id: must be string',
  'GET /organizations/external_id/{external_id} 200 /stripe_customer_id: must be string',
  'GET /organizations/{id} 200 /stripe_customer_id: must be string',
  // Invitations lack accepted_at, accepted_user_id and revoked_at.
  'GET /user_management/invitations 200 /data/*: missing accepted_at',
  'GET /user_management/invitations 200 /data/*: missing accepted_user_id',
  'GET /user_management/invitations 200 /data/*: missing revoked_at',
  'GET /user_management/invitations/{id} 200 /: missing accepted_at',
  'GET /user_management/invitations/{id} 200 /: missing accepted_user_id',
  'GET /user_management/invitations/{id} 200 /: missing revoked_at',
  // Memberships embed no user and no directory_managed (the adapter reads users from the users list then).
  'GET /user_management/organization_memberships 200 /data/*: missing directory_managed',
  'GET /user_management/organization_memberships 200 /data/*: missing user',
  'POST /organizations 201 /stripe_customer_id: must be string',
  'POST /user_management/invitations 201 /: missing accepted_at',
  'POST /user_management/invitations 201 /: missing accepted_user_id',
  'POST /user_management/invitations 201 /: missing revoked_at',
  'POST /user_management/invitations/{id}/revoke 200 /: missing accepted_at',
  'POST /user_management/invitations/{id}/revoke 200 /: missing accepted_user_id',
  'POST /user_management/invitations/{id}/revoke 200 /: missing revoked_at',
  'POST /user_management/organization_memberships 201 /: missing directory_managed',
  'POST /user_management/organization_memberships 201 /: missing user',
  'PUT /organizations/{id} 200 /stripe_customer_id: must be string',
  'PUT /user_management/organization_memberships/{id} 200 /: missing directory_managed',
  'PUT /user_management/organization_memberships/{id} 200 /: missing user',
];

async function scenarioThrough(
  proxy: RecordingProxy,
  apiKey: string,
  seeder: WorkOSApiClient,
  multipleRoles = false,
) {
  const seen = await runSpecScenario({ url: proxy.url, apiKey, seeder, prefix: 'spec-', multipleRoles });
  expect(seen.organizations).toBe(1);
  expect(seen.found).toBe(true);
  expect(seen.grants).toEqual(['spec-editor']);
  expect(seen.admins).toEqual([seen.bob]);
  expect(seen.members).toEqual(['spec-ada@example.com', 'spec-bob@example.com']);
  expect(seen.organizationsOf).toEqual([seen.orgId]);
  expect(seen.invitations).toEqual([seen.invitationId]);
  return spec.deviations(proxy.exchanges);
}

describe('answers the adapter reads, against the WorkOS spec', () => {
  it('reads the spec from the installed package and compiles its response schemas', () => {
    expect(spec.templateOf('/user_management/organization_memberships/om_1/deactivate')).toBe(
      '/user_management/organization_memberships/{id}/deactivate',
    );
    expect(spec.templateOf('/organizations/external_id/x')).toBe('/organizations/external_id/{external_id}');
    const wrong = spec.check({
      method: 'GET',
      path: '/organizations/org_1',
      status: 200,
      body: JSON.stringify({ object: 'organization', id: 'org_1' }),
      requestBody: '',
    });
    expect(wrong).toContain('GET /organizations/{id} 200 /: missing name');
    // Both role_slug and role_slugs: the spec's body schemas make them exclusive.
    const both = spec.checkRequest({
      method: 'PUT',
      path: '/user_management/organization_memberships/om_1',
      status: 200,
      body: '',
      requestBody: JSON.stringify({ role_slug: 'a', role_slugs: ['b'] }),
    });
    expect(both?.length).toBeGreaterThan(0);
  });

  for (const multipleRoles of [false, true]) {
    describe(`from our simulator (${multipleRoles ? 'multiple roles' : 'one role per membership'})`, () => {
      let proxy: RecordingProxy;
      let close: () => Promise<void>;
      let seeder: WorkOSApiClient;
      beforeAll(async () => {
        const sim = await startWorkOSSimulator({
          apiKeys: ['sk_test_adapter', 'sk_test_seeder'],
          rateLimits: false,
          multipleRoles,
        });
        proxy = await startRecordingProxy(sim.url);
        seeder = new WorkOSApiClient(sim.url, ['sk_test_seeder']);
        close = async () => {
          await proxy.close();
          await sim.close();
        };
      });
      afterAll(() => close());

      it('matches the spec in every answer', async () => {
        const { checked, deviations } = await scenarioThrough(
          proxy,
          'sk_test_adapter',
          seeder,
          multipleRoles,
        );
        expect(deviations).toEqual([]);
        expect(checked).toBeGreaterThan(20);
      });
    });
  }

  describe('from the official emulator', () => {
    let proxy: RecordingProxy;
    let close: () => Promise<void>;
    let seeder: WorkOSApiClient;
    let key: string;
    beforeAll(async () => {
      const emulator = await startOfficialEmulator(4);
      proxy = await startRecordingProxy(emulator.url);
      key = emulator.keys[0] as string;
      seeder = new WorkOSApiClient(emulator.url, emulator.keys.slice(1));
      close = async () => {
        await proxy.close();
        await emulator.close();
      };
    });
    afterAll(() => close());

    it('deviates from the spec exactly where listed', async () => {
      const { checked, deviations } = await scenarioThrough(proxy, key, seeder);
      expect(deviations).toEqual(EMULATOR_DEVIATIONS);
      expect(checked).toBeGreaterThan(20);
    });
  });
});
