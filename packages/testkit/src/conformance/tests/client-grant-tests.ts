import assert from 'node:assert/strict';
import type { ConformanceTest, TestContext } from '../conformance-test.js';

async function aTenantGrant(t: TestContext, suffix: string) {
  assert.ok(
    t.seed.clientGrant,
    'the harness must implement seed.clientGrant when clientGrants.* is declared',
  );
  return t.seed.clientGrant({ audience: `https://${t.name(suffix)}.example.com/` });
}

/** Tests of `clientGrants.*`. */
export function clientGrantTests(): ConformanceTest[] {
  return [
    {
      group: 'clientGrants',
      name: 'clientGrants.associate associates a tenant grant, visible in clientGrants.list',
      requires: ['clientGrants.associate', 'clientGrants.list'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('grants') });
        const grant = await aTenantGrant(t, 'api');
        assert.equal((await t.directory.clientGrants.associate(org.id, grant.id)).id, grant.id);
        await t.eventually(async () => {
          assert.deepEqual(
            (await t.directory.clientGrants.list(org.id).toArray()).map((g) => g.id),
            [grant.id],
          );
        });
      },
    },
    {
      group: 'clientGrants',
      name: 'clientGrants.associate of an associated grant fails with already_exists',
      requires: ['clientGrants.associate'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('grants-twice') });
        const grant = await aTenantGrant(t, 'twice');
        await t.directory.clientGrants.associate(org.id, grant.id);
        await t.expectCode(t.directory.clientGrants.associate(org.id, grant.id), 'already_exists');
      },
    },
    {
      group: 'clientGrants',
      name: 'clientGrants.remove removes the association and not_found when there is none',
      requires: ['clientGrants.remove', 'clientGrants.associate', 'clientGrants.list'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('grants-remove') });
        const grant = await aTenantGrant(t, 'gone');
        await t.directory.clientGrants.associate(org.id, grant.id);
        await t.directory.clientGrants.remove(org.id, grant.id);
        await t.eventually(async () => {
          assert.deepEqual(await t.directory.clientGrants.list(org.id).toArray(), []);
        });
        await t.expectCode(t.directory.clientGrants.remove(org.id, grant.id), 'not_found');
      },
    },
  ];
}
