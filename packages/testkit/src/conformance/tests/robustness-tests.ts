import assert from 'node:assert/strict';
import type { ConformanceTest } from '../conformance-test.js';

/** Cross-cutting behaviour: cancellation before any request, stable results under repetition. */
export function robustnessTests(): ConformanceTest[] {
  return [
    {
      group: 'robustness',
      name: 'an already aborted signal fails with cancelled before any request',
      requires: ['members.list'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('aborted') });
        const controller = new AbortController();
        controller.abort();
        const sent = await t.requestsDuring(async () => {
          await t.expectCode(
            t.directory.members.list(org.id, { signal: controller.signal }).toArray(),
            'cancelled',
          );
          if (t.adapter.capabilities['organizations.get']) {
            await t.expectCode(
              t.directory.organizations.get(org.id, { signal: controller.signal }),
              'cancelled',
            );
          }
        });
        assert.equal(sent, 0);
      },
    },
    {
      group: 'robustness',
      name: 'listing the same organization twice gives the same members in the same order',
      requires: ['members.list'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('stable') });
        await t.seed.members(org.id, 25, { emailPrefix: t.name('s') });
        await t.eventually(async () => {
          const first = (await t.directory.members.list(org.id, { pageSize: 7 }).toArray()).map(
            (m) => m.user.id,
          );
          const second = (await t.directory.members.list(org.id, { pageSize: 7 }).toArray()).map(
            (m) => m.user.id,
          );
          assert.equal(first.length, 25);
          assert.deepEqual(second, first);
        });
      },
    },
  ];
}
