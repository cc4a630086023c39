import assert from 'node:assert/strict';
import type { MemberKind } from '@orgport/core';
import type { ConformanceTest } from '../conformance-test.js';

type KindPort = 'admins' | 'billingManagers';

const KIND_OF: Record<KindPort, MemberKind> = { admins: 'admin', billingManagers: 'billing_manager' };

/** Tests of `admins.*` or `billingManagers.*`: the same contract for both kinds. */
export function memberKindTests(port: KindPort): ConformanceTest[] {
  const kind = KIND_OF[port];
  const other: MemberKind = kind === 'admin' ? 'billing_manager' : 'admin';
  return [
    {
      group: port,
      name: `${port}.list returns only ${port === 'admins' ? 'admins' : 'billing managers'}`,
      requires: [`${port}.list`],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('kinds') });
        const holder = await t.seed.user({ email: t.email('holder') });
        const plain = await t.seed.user({ email: t.email('plain') });
        const otherKind = await t.seed.user({ email: t.email('other') });
        await t.seed.member(org.id, holder.id, { kinds: ['member', kind] });
        await t.seed.member(org.id, plain.id);
        await t.seed.member(org.id, otherKind.id, { kinds: ['member', other] });
        await t.eventually(async () => {
          const listed = await t.directory[port].list(org.id).toArray();
          assert.deepEqual(
            listed.map((m) => m.user.id),
            [holder.id],
          );
          assert.ok(listed[0]?.kinds.includes(kind), `kinds were ${JSON.stringify(listed[0]?.kinds)}`);
        });
      },
    },
    {
      group: port,
      name: `${port}.list finds every holder past the first pages, at every page size`,
      requires: [`${port}.list`],
      async run(t) {
        // Holders first, in the middle and last, among 40 plain members: a kind list that
        // filters one page of members, or ends on an empty filtered page, loses some.
        const org = await t.seed.organization({ name: t.name('kind-pages') });
        const holders: string[] = [];
        const holder = async (label: string) => {
          const user = await t.seed.user({ email: t.email(label) });
          await t.seed.member(org.id, user.id, { kinds: ['member', kind] });
          holders.push(user.id);
        };
        await holder('first');
        await t.seed.members(org.id, 20, { emailPrefix: t.name('a') });
        await holder('middle');
        await t.seed.members(org.id, 20, { emailPrefix: t.name('b') });
        await holder('last');
        await t.eventually(async () => {
          for (const pageSize of [2, 7, 50]) {
            const listed = await t.directory[port].list(org.id, { pageSize }).toArray();
            assert.deepEqual(
              listed.map((m) => m.user.id).sort(),
              [...holders].sort(),
              `with pages of ${pageSize}, ${port}.list did not return exactly the holders`,
            );
          }
        });
      },
    },
    {
      group: port,
      name: `${port}.list of an unknown organization fails with not_found`,
      requires: [`${port}.list`],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('kinds-404') });
        await t.expectCode(t.directory[port].list(t.unknownId(org.id)).toArray(), 'not_found');
      },
    },
    {
      group: port,
      name: `members.list reports the ${kind} kind`,
      requires: ['members.list', `${port}.list`],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('kind-in-list') });
        const holder = await t.seed.user({ email: t.email('holder') });
        await t.seed.member(org.id, holder.id, { kinds: ['member', kind] });
        await t.eventually(async () => {
          const [member] = await t.directory.members.list(org.id).toArray();
          assert.ok(member?.kinds.includes(kind), `kinds were ${JSON.stringify(member?.kinds)}`);
        });
      },
    },
    {
      group: port,
      name: `${port}.grant gives a member the ${kind} kind, idempotently`,
      requires: [`${port}.grant`, `${port}.list`],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('grant') });
        const ada = await t.seed.user({ email: t.email('ada') });
        await t.seed.member(org.id, ada.id);
        await t.directory[port].grant(org.id, ada.id);
        await t.directory[port].grant(org.id, ada.id);
        if (t.harness.inspect)
          assert.ok((await t.harness.inspect.membership(org.id, ada.id))?.kinds.includes(kind));
        await t.eventually(async () => {
          assert.deepEqual(
            (await t.directory[port].list(org.id).toArray()).map((m) => m.user.id),
            [ada.id],
          );
        });
      },
    },
    {
      group: port,
      name: `${port}.revoke takes the ${kind} kind away and keeps the membership`,
      requires: [`${port}.revoke`, `${port}.list`, 'members.list'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('revoke') });
        const ada = await t.seed.user({ email: t.email('ada') });
        await t.seed.member(org.id, ada.id, { kinds: ['member', kind] });
        await t.directory[port].revoke(org.id, ada.id);
        await t.directory[port].revoke(org.id, ada.id);
        await t.eventually(async () => {
          assert.deepEqual(await t.directory[port].list(org.id).toArray(), []);
          const members = await t.directory.members.list(org.id).toArray();
          assert.deepEqual(
            members.map((m) => m.user.id),
            [ada.id],
          );
          assert.ok(!members[0]?.kinds.includes(kind));
        });
      },
    },
  ];
}
