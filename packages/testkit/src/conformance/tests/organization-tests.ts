import assert from 'node:assert/strict';
import type { Organization } from '@orgport/core';
import type { ConformanceTest } from '../conformance-test.js';

/** Tests of `organizations.*`. */
export function organizationTests(): ConformanceTest[] {
  return [
    {
      group: 'organizations',
      name: 'organizations.list returns every organization once, across pages',
      requires: ['organizations.list'],
      async run(t) {
        const created: Organization[] = [];
        for (let n = 0; n < 7; n++) created.push(await t.seed.organization({ name: t.name(`org-${n}`) }));
        await t.eventually(async () => {
          const seen = new Map<string, number>();
          for await (const page of t.directory.organizations.list({ pageSize: 2 }).pages()) {
            for (const org of page.items) seen.set(org.id, (seen.get(org.id) ?? 0) + 1);
          }
          for (const org of created)
            assert.equal(
              seen.get(org.id),
              1,
              `organization ${org.name} listed ${seen.get(org.id) ?? 0} times`,
            );
        });
      },
    },
    {
      group: 'organizations',
      name: 'organizations.get returns the organization with its names',
      requires: ['organizations.get'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('acme'), displayName: 'Acme Inc.' });
        const got = await t.directory.organizations.get(org.id);
        assert.equal(got.id, org.id);
        assert.equal(got.name, org.name);
        assert.equal(got.displayName, 'Acme Inc.');
      },
    },
    {
      group: 'organizations',
      name: 'organizations.get fails with not_found for an unknown id',
      requires: ['organizations.get'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('exists') });
        await t.expectCode(t.directory.organizations.get(t.unknownId(org.id)), 'not_found');
      },
    },
    {
      group: 'organizations',
      name: 'organizations.get rejects a malformed id with invalid_argument before any request',
      requires: ['organizations.get'],
      async run(t) {
        const sent = await t.requestsDuring(() =>
          t.expectCode(t.directory.organizations.get('../admin'), 'invalid_argument'),
        );
        assert.equal(sent, 0);
      },
    },
    {
      group: 'organizations',
      name: 'organizations.getByName finds the organization by its unique name',
      requires: ['organizations.getByName'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('by-name') });
        await t.eventually(async () =>
          assert.equal((await t.directory.organizations.getByName(org.name)).id, org.id),
        );
      },
    },
    {
      group: 'organizations',
      name: 'organizations.getByName fails with not_found for an unknown name',
      requires: ['organizations.getByName'],
      async run(t) {
        await t.expectCode(t.directory.organizations.getByName(t.name('nobody-has-this')), 'not_found');
      },
    },
    {
      group: 'organizations',
      name: 'organizations.create creates an organization that can be read back',
      requires: ['organizations.create'],
      async run(t) {
        const created = await t.directory.organizations.create({
          name: t.name('fresh'),
          displayName: 'Fresh Org',
        });
        assert.equal(created.name, t.name('fresh'));
        assert.equal(created.displayName, 'Fresh Org');
        try {
          const stored = t.harness.inspect
            ? await t.harness.inspect.organization(created.id)
            : await t.directory.organizations.get(created.id);
          assert.equal(stored?.name, t.name('fresh'));
        } finally {
          if (t.adapter.capabilities['organizations.delete'])
            await t.directory.organizations.delete(created.id);
        }
      },
    },
    {
      group: 'organizations',
      name: 'organizations.create fails with already_exists for a taken name',
      requires: ['organizations.create'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('taken') });
        await t.expectCode(t.directory.organizations.create({ name: org.name }), 'already_exists');
      },
    },
    {
      group: 'organizations',
      name: 'organizations.create rejects an empty name with invalid_argument before any request',
      requires: ['organizations.create'],
      async run(t) {
        const sent = await t.requestsDuring(() =>
          t.expectCode(t.directory.organizations.create({ name: '' }), 'invalid_argument'),
        );
        assert.equal(sent, 0);
      },
    },
    {
      group: 'organizations',
      name: 'organizations.update changes the display name and returns the whole organization',
      requires: ['organizations.update'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('before'), displayName: 'Before' });
        const updated = await t.directory.organizations.update(org.id, { displayName: 'After' });
        assert.equal(updated.id, org.id);
        assert.equal(updated.name, org.name);
        assert.equal(updated.displayName, 'After');
        if (t.harness.inspect)
          assert.equal((await t.harness.inspect.organization(org.id))?.displayName, 'After');
      },
    },
    {
      group: 'organizations',
      name: 'organizations.update fails with not_found for an unknown id',
      requires: ['organizations.update'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('known') });
        await t.expectCode(
          t.directory.organizations.update(t.unknownId(org.id), { displayName: 'X' }),
          'not_found',
        );
      },
    },
    {
      group: 'organizations',
      name: 'organizations.delete removes the organization',
      requires: ['organizations.delete', 'organizations.get'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('doomed') });
        await t.directory.organizations.delete(org.id);
        await t.eventually(async () => {
          await t.expectCode(t.directory.organizations.get(org.id), 'not_found');
        });
        if (t.harness.inspect) assert.equal(await t.harness.inspect.organization(org.id), undefined);
      },
    },
    {
      group: 'organizations',
      name: 'organizations.delete fails with not_found for an unknown id',
      requires: ['organizations.delete'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('keeper') });
        await t.expectCode(t.directory.organizations.delete(t.unknownId(org.id)), 'not_found');
      },
    },
  ];
}
