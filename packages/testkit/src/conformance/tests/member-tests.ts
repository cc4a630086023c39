import assert from 'node:assert/strict';
import type { Member, Organization } from '@orgport/core';
import type { Page } from '@orgport/core/driver';
import type { ConformanceTest, SuiteScale, TestContext } from '../conformance-test.js';

/** Walks the adapter's members port directly (no facade de-duplication) and returns every page. */
async function rawMemberPages(
  t: TestContext,
  organizationId: string,
  pageSize: number,
): Promise<Page<Member>[]> {
  const list = t.adapter.members?.list;
  assert.ok(list, 'members.list is declared but the port has no list method');
  const pages: Page<Member>[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100_000; guard++) {
    const page = await list.call(t.adapter.members, organizationId, { cursor, pageSize });
    pages.push(page);
    if (page.next === undefined) return pages;
    cursor = page.next;
  }
  throw new Error('members.list never ended');
}

/** Tests of `members.*`. */
export function memberTests(scale: SuiteScale): ConformanceTest[] {
  const large = scale.largeMemberCount.toLocaleString('en-US');
  return [
    {
      group: 'members',
      name: `members.list pages through ${large} members without loss or duplicates`,
      requires: ['members.list'],
      timeoutMs: 120_000,
      async run(t) {
        const org = await t.seed.organization({ name: t.name('big') });
        const users = await t.seed.members(org.id, scale.largeMemberCount, { emailPrefix: t.name('m') });
        await t.eventually(async () => {
          const pages = await rawMemberPages(t, org.id, scale.pageSize);
          const ids = pages.flatMap((page) => page.items.map((member) => member.user.id));
          const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
          assert.deepEqual(
            duplicates.slice(0, 5),
            [],
            'the adapter returned members more than once across its pages',
          );
          assert.deepEqual(
            new Set(ids),
            new Set(users.map((u) => u.id)),
            'the pages do not hold exactly the seeded members',
          );
          assert.ok(
            pages.length > 1 || t.adapter.capabilities.pagination === 'none',
            'a paginated adapter returned one page',
          );
        });
        assert.equal(
          await t.directory.members.list(org.id, { pageSize: scale.pageSize }).count(),
          users.length,
        );
      },
    },
    {
      group: 'members',
      name: 'members.list never returns an empty page with a next cursor',
      requires: ['members.list'],
      async run(t) {
        // The paginator ends a walk on an empty page: an adapter must follow its vendor's
        // empty pages itself (fetchCursorPage in the driver toolkit does) or end there.
        const org = await t.seed.organization({ name: t.name('no-empty') });
        await t.seed.members(org.id, 9, { emailPrefix: t.name('e') });
        await t.eventually(async () => {
          const pages = await rawMemberPages(t, org.id, 2);
          const total = pages.reduce((sum, page) => sum + page.items.length, 0);
          assert.equal(total, 9, 'the pages do not hold every member');
          for (const page of pages)
            assert.ok(
              page.items.length > 0 || page.next === undefined,
              'a page was empty but had a next cursor',
            );
        });
      },
    },
    {
      group: 'members',
      name: 'members.list reports user details and the member kind',
      requires: ['members.list'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('details') });
        const user = await t.seed.user({ email: t.email('ada'), name: 'Ada Lovelace' });
        await t.seed.member(org.id, user.id);
        await t.eventually(async () => {
          const [member, ...rest] = await t.directory.members.list(org.id).toArray();
          assert.equal(rest.length, 0);
          assert.equal(member?.user.id, user.id);
          assert.equal(member?.user.email, t.email('ada'));
          assert.equal(member?.organizationId, org.id);
          assert.ok(member?.kinds.includes('member'), `kinds were ${JSON.stringify(member?.kinds)}`);
        });
      },
    },
    {
      group: 'members',
      name: 'members.list of an organization without members is empty',
      requires: ['members.list'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('empty') });
        assert.deepEqual(await t.directory.members.list(org.id).toArray(), []);
      },
    },
    {
      group: 'members',
      name: 'members.list of an unknown organization fails with not_found',
      requires: ['members.list'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('real') });
        await t.expectCode(t.directory.members.list(t.unknownId(org.id)).toArray(), 'not_found');
      },
    },
    {
      group: 'members',
      name: 'members.list rejects with cancelled when its signal fires (port level)',
      requires: ['members.list'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('abort') });
        const controller = new AbortController();
        controller.abort();
        await t.expectCode(
          t.adapter.members?.list?.(org.id, { signal: controller.signal }) ?? Promise.resolve(),
          'cancelled',
        );
      },
    },
    {
      group: 'members',
      name: 'members.list stops fetching pages when aborted mid-walk',
      requires: ['members.list'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('abort-walk') });
        await t.seed.members(org.id, 30, { emailPrefix: t.name('w') });
        await t.eventually(async () => assert.equal(await t.directory.members.list(org.id).count(), 30));
        const controller = new AbortController();
        let seen = 0;
        await t.expectCode(
          (async () => {
            for await (const _member of t.directory.members.list(org.id, {
              pageSize: 5,
              signal: controller.signal,
            })) {
              seen++;
              if (seen === 5) controller.abort();
            }
          })(),
          'cancelled',
        );
        assert.ok(seen <= 10, `kept yielding after abort (${seen} members)`);
      },
    },
    {
      group: 'members',
      name: 'members.list gives the same members in parallel as in sequence',
      requires: ['members.list'],
      async run(t) {
        const orgs: Organization[] = [];
        for (let n = 0; n < 3; n++) {
          const org = await t.seed.organization({ name: t.name(`par-${n}`) });
          await t.seed.members(org.id, 40 + n * 7, { emailPrefix: t.name(`p${n}`) });
          orgs.push(org);
        }
        const ids = async (orgId: string) =>
          (await t.directory.members.list(orgId, { pageSize: 10 }).toArray()).map((m) => m.user.id).sort();
        await t.eventually(async () => {
          const sequential = [];
          for (const org of orgs) sequential.push(await ids(org.id));
          const parallel = await Promise.all(orgs.map((org) => ids(org.id)));
          assert.deepEqual(parallel, sequential);
          assert.deepEqual(
            sequential.map((list) => list.length),
            [40, 47, 54],
          );
        });
      },
    },
    {
      group: 'members',
      name: 'members.add makes existing users members',
      requires: ['members.add', 'members.list'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('add') });
        const ada = await t.seed.user({ email: t.email('ada') });
        const bob = await t.seed.user({ email: t.email('bob') });
        await t.directory.members.add(org.id, [ada.id, bob.id]);
        if (t.harness.inspect) {
          assert.ok((await t.harness.inspect.membership(org.id, ada.id))?.kinds.includes('member'));
        }
        await t.eventually(async () => {
          const ids = (await t.directory.members.list(org.id).toArray()).map((m) => m.user.id).sort();
          assert.deepEqual(ids, [ada.id, bob.id].sort());
        });
      },
    },
    {
      group: 'members',
      name: 'members.add is idempotent: adding a member again changes nothing',
      requires: ['members.add', 'members.list'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('readd') });
        const ada = await t.seed.user({ email: t.email('ada') });
        await t.directory.members.add(org.id, [ada.id]);
        await t.directory.members.add(org.id, [ada.id]);
        await t.eventually(async () => {
          assert.deepEqual(
            (await t.directory.members.list(org.id).toArray()).map((m) => m.user.id),
            [ada.id],
          );
        });
      },
    },
    {
      group: 'members',
      name: 'members.add of an unknown user fails with not_found',
      requires: ['members.add'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('ghost') });
        const ada = await t.seed.user({ email: t.email('ada') });
        await t.expectCode(t.directory.members.add(org.id, [t.unknownId(ada.id)]), 'not_found');
      },
    },
    {
      group: 'members',
      name: 'members.add to an unknown organization fails with not_found',
      requires: ['members.add'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('there') });
        const ada = await t.seed.user({ email: t.email('ada') });
        await t.expectCode(t.directory.members.add(t.unknownId(org.id), [ada.id]), 'not_found');
      },
    },
    {
      group: 'members',
      name: 'members.remove removes the member and nobody else',
      requires: ['members.remove', 'members.list'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('remove') });
        const ada = await t.seed.user({ email: t.email('ada') });
        const bob = await t.seed.user({ email: t.email('bob') });
        await t.seed.member(org.id, ada.id);
        await t.seed.member(org.id, bob.id);
        await t.directory.members.remove(org.id, [ada.id]);
        if (t.harness.inspect) assert.equal(await t.harness.inspect.membership(org.id, ada.id), undefined);
        await t.eventually(async () => {
          assert.deepEqual(
            (await t.directory.members.list(org.id).toArray()).map((m) => m.user.id),
            [bob.id],
          );
        });
      },
    },
    {
      group: 'members',
      name: 'members.remove of a non-member is not an error',
      requires: ['members.remove'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('remove-none') });
        const ada = await t.seed.user({ email: t.email('ada') });
        await t.seed.member(org.id, ada.id);
        const bob = await t.seed.user({ email: t.email('bob') });
        await t.directory.members.remove(org.id, [bob.id]);
        if (t.harness.inspect) assert.ok(await t.harness.inspect.membership(org.id, ada.id));
      },
    },
    {
      group: 'members',
      name: 'members.organizationsOf lists exactly the organizations the user belongs to',
      requires: ['members.organizationsOf'],
      async run(t) {
        const a = await t.seed.organization({ name: t.name('one') });
        await t.seed.organization({ name: t.name('two') });
        const c = await t.seed.organization({ name: t.name('three') });
        const ada = await t.seed.user({ email: t.email('ada') });
        await t.seed.member(a.id, ada.id);
        await t.seed.member(c.id, ada.id);
        await t.eventually(async () => {
          const ids = (await t.directory.members.organizationsOf(ada.id).toArray()).map((o) => o.id).sort();
          assert.deepEqual(ids, [a.id, c.id].sort());
        });
      },
    },
    {
      group: 'members',
      name: 'members.organizationsOf follows every page',
      requires: ['members.organizationsOf'],
      async run(t) {
        const ada = await t.seed.user({ email: t.email('ada') });
        const joined: string[] = [];
        for (let n = 0; n < 7; n++) {
          const org = await t.seed.organization({ name: t.name(`of-${n}`) });
          await t.seed.member(org.id, ada.id);
          joined.push(org.id);
        }
        await t.eventually(async () => {
          const ids = (await t.directory.members.organizationsOf(ada.id, { pageSize: 2 }).toArray()).map(
            (o) => o.id,
          );
          assert.deepEqual([...ids].sort(), [...joined].sort());
        });
      },
    },
    {
      group: 'members',
      name: 'members.organizationsOf of an unknown user fails with not_found',
      requires: ['members.organizationsOf'],
      async run(t) {
        const ada = await t.seed.user({ email: t.email('ada') });
        await t.expectCode(t.directory.members.organizationsOf(t.unknownId(ada.id)).toArray(), 'not_found');
      },
    },
  ];
}
