import assert from 'node:assert/strict';
import type { ConformanceTest, TestContext } from '../conformance-test.js';

async function aTenantConnection(t: TestContext, suffix: string) {
  assert.ok(t.seed.connection, 'the harness must implement seed.connection when connections.* is declared');
  return t.seed.connection({ name: t.name(`conn-${suffix}`) });
}

/** Tests of `connections.*`. */
export function connectionTests(): ConformanceTest[] {
  return [
    {
      group: 'connections',
      name: 'connections.enable enables a tenant connection for the organization',
      requires: ['connections.enable', 'connections.list'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('enable') });
        const connection = await aTenantConnection(t, 'db');
        const enabled = await t.directory.connections.enable(org.id, connection.id, {
          assignMembershipOnLogin: true,
        });
        assert.equal(enabled.id, connection.id);
        assert.equal(enabled.assignMembershipOnLogin, true);
        await t.eventually(async () => {
          assert.deepEqual(
            (await t.directory.connections.list(org.id).toArray()).map((c) => c.id),
            [connection.id],
          );
        });
      },
    },
    {
      group: 'connections',
      name: 'connections.enable of an unknown connection fails with not_found',
      requires: ['connections.enable'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('enable-404') });
        const connection = await aTenantConnection(t, 'real');
        await t.expectCode(t.directory.connections.enable(org.id, t.unknownId(connection.id)), 'not_found');
      },
    },
    {
      group: 'connections',
      name: 'connections.get returns an enabled connection and not_found for one that is not enabled',
      requires: ['connections.get', 'connections.enable'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('get-conn') });
        const on = await aTenantConnection(t, 'on');
        const off = await aTenantConnection(t, 'off');
        await t.directory.connections.enable(org.id, on.id);
        assert.equal((await t.directory.connections.get(org.id, on.id)).id, on.id);
        await t.expectCode(t.directory.connections.get(org.id, off.id), 'not_found');
      },
    },
    {
      group: 'connections',
      name: 'connections.update changes the settings of an enabled connection',
      requires: ['connections.update', 'connections.enable'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('update-conn') });
        const connection = await aTenantConnection(t, 'upd');
        await t.directory.connections.enable(org.id, connection.id, { showAsButton: true });
        const updated = await t.directory.connections.update(org.id, connection.id, { showAsButton: false });
        assert.equal(updated.showAsButton, false);
      },
    },
    {
      group: 'connections',
      name: 'connections.disable disables the connection for the organization only',
      requires: ['connections.disable', 'connections.enable', 'connections.list'],
      async run(t) {
        const one = await t.seed.organization({ name: t.name('dis-1') });
        const two = await t.seed.organization({ name: t.name('dis-2') });
        const connection = await aTenantConnection(t, 'shared');
        await t.directory.connections.enable(one.id, connection.id);
        await t.directory.connections.enable(two.id, connection.id);
        await t.directory.connections.disable(one.id, connection.id);
        await t.eventually(async () => {
          assert.deepEqual(await t.directory.connections.list(one.id).toArray(), []);
          assert.deepEqual(
            (await t.directory.connections.list(two.id).toArray()).map((c) => c.id),
            [connection.id],
          );
        });
      },
    },
  ];
}
