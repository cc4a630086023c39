import assert from 'node:assert/strict';
import type { GrantInput } from '@orgport/core';
import type { ConformanceTest } from '../conformance-test.js';

/**
 * The manifest tells the truth: each graded value is checked against what the adapter
 * does, so that a manifest overriding one with a false value no longer scores the same.
 */
export function manifestTests(): ConformanceTest[] {
  return [
    {
      group: 'manifest',
      name: 'pagination: the declared paging style matches the pages the adapter returns',
      requires: ['members.list'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('paging') });
        await t.seed.members(org.id, 12, { emailPrefix: t.name('p') });
        const list = t.adapter.members?.list;
        assert.ok(list, 'members.list is declared but the port has no list method');
        await t.eventually(async () => {
          const first = await list.call(t.adapter.members, org.id, { pageSize: 5 });
          if (t.adapter.capabilities.pagination === 'none') {
            assert.equal(first.next, undefined, "pagination 'none' but the first page has a next cursor");
            assert.equal(first.items.length, 12, "pagination 'none' but one page does not hold every member");
          } else {
            assert.ok(
              first.next !== undefined && first.items.length <= 5,
              `pagination '${t.adapter.capabilities.pagination}' but pages of 5 came back as one page of ${first.items.length}`,
            );
          }
        });
      },
    },
    {
      group: 'manifest',
      name: 'consistency: strong means the next read sees a write',
      requires: ['members.add', 'members.list'],
      unless: (c) => (c.consistency === 'strong' ? undefined : "consistency is 'eventual'"),
      async run(t) {
        const org = await t.seed.organization({ name: t.name('strong') });
        const ada = await t.seed.user({ email: t.email('ada') });
        await t.directory.members.add(org.id, [ada.id]);
        const ids = (await t.directory.members.list(org.id).toArray()).map((m) => m.user.id);
        assert.ok(ids.includes(ada.id), "consistency 'strong' but the member added is not listed at once");
      },
    },
    {
      group: 'manifest',
      name: "memberKinds: 'none' declares no kind operations, and any other value reports kinds",
      requires: [],
      async run(t) {
        const c = t.adapter.capabilities;
        const kindOperations = ['admins', 'billingManagers'].flatMap((port) =>
          (['list', 'grant', 'revoke'] as const).filter((method) => c[`${port as 'admins'}.${method}`]),
        );
        if (c.memberKinds === 'none')
          assert.deepEqual(kindOperations, [], "memberKinds 'none' but kind operations are declared");
        else
          assert.ok(
            kindOperations.length > 0,
            `memberKinds '${c.memberKinds}' but no admins.* or billingManagers.* operation is declared`,
          );
      },
    },
    {
      group: 'manifest',
      name: "rolesPerMember: 'many' means a member holds two organization roles at once",
      requires: ['permissions.set', 'permissions.grants'],
      seeds: ['role'],
      unless: (c) =>
        c.rolesPerMember !== 'many'
          ? `rolesPerMember is '${c.rolesPerMember}'`
          : c.grantScopes === 'organization' || c.grantScopes === 'organization+product'
            ? undefined
            : 'no organization scope',
      async run(t) {
        const org = await t.seed.organization({ name: t.name('roles') });
        const ada = await t.seed.user({ email: t.email('ada') });
        await t.seed.member(org.id, ada.id);
        const one = await t.seed.role?.({ name: t.name('one') });
        const two = await t.seed.role?.({ name: t.name('two') });
        assert.ok(one && two);
        const grants: GrantInput[] = [one, two].map((role) => ({
          scope: { type: 'organization' },
          groupId: role.id,
        }));
        await t.directory.permissions.set(org.id, ada.id, grants);
        await t.eventually(async () => {
          const held = (await t.directory.permissions.grants(org.id, ada.id)).map((g) => g.group.id).sort();
          assert.deepEqual(
            held,
            [one.id, two.id].sort(),
            "rolesPerMember 'many' but two roles are not held together",
          );
        });
      },
    },
    {
      group: 'manifest',
      name: "rolesPerMember: 'one' means a second role replaces the first and two at once are refused",
      requires: ['permissions.set', 'permissions.grants'],
      seeds: ['role'],
      unless: (c) =>
        c.rolesPerMember !== 'one'
          ? `rolesPerMember is '${c.rolesPerMember}'`
          : c.grantScopes === 'organization' || c.grantScopes === 'organization+product'
            ? undefined
            : 'no organization scope',
      async run(t) {
        const org = await t.seed.organization({ name: t.name('one-role') });
        const ada = await t.seed.user({ email: t.email('ada') });
        await t.seed.member(org.id, ada.id);
        const one = await t.seed.role?.({ name: t.name('one') });
        const two = await t.seed.role?.({ name: t.name('two') });
        assert.ok(one && two);
        const grant = (groupId: string): GrantInput => ({ scope: { type: 'organization' }, groupId });
        const sent = await t.requestsDuring(() =>
          t.expectCode(
            t.directory.permissions.set(org.id, ada.id, [grant(one.id), grant(two.id)]),
            'invalid_argument',
          ),
        );
        assert.equal(sent, 0, 'two roles must be refused before any request');
        await t.directory.permissions.set(org.id, ada.id, [grant(one.id)]);
        await t.directory.permissions.set(org.id, ada.id, [grant(two.id)]);
        await t.eventually(async () => {
          const held = (await t.directory.permissions.grants(org.id, ada.id)).map((g) => g.group.id);
          assert.deepEqual(
            held,
            [two.id],
            "rolesPerMember 'one' but the second role did not replace the first",
          );
        });
      },
    },
    {
      group: 'manifest',
      name: "invitationGrants: 'many' means an invitation carries several grants",
      requires: ['invitations.create'],
      seeds: ['role'],
      unless: (c) =>
        c.invitationGrants !== 'many'
          ? `invitationGrants is '${c.invitationGrants}'`
          : c.grantScopes === 'organization' || c.grantScopes === 'organization+product'
            ? undefined
            : 'no organization scope',
      async run(t) {
        const org = await t.seed.organization({ name: t.name('invite-many') });
        const one = await t.seed.role?.({ name: t.name('one') });
        const two = await t.seed.role?.({ name: t.name('two') });
        assert.ok(one && two);
        const invitation = await t.directory.invitations.create(org.id, {
          email: t.email('new'),
          grants: [one, two].map((role) => ({ scope: { type: 'organization' }, groupId: role.id })),
        });
        assert.deepEqual(
          invitation.grants.map((g) => g.group.id).sort(),
          [one.id, two.id].sort(),
          "invitationGrants 'many' but the invitation does not carry both grants",
        );
      },
    },
    {
      group: 'manifest',
      name: 'grantScopes: every declared scope lists its groups',
      requires: ['permissions.groups'],
      unless: (c) => (c.grantScopes === 'none' ? "grantScopes is 'none'" : undefined),
      async run(t) {
        const c = t.adapter.capabilities;
        const org = await t.seed.organization({ name: t.name('scopes') });
        if (c.grantScopes === 'organization' || c.grantScopes === 'organization+product') {
          assert.ok(t.seed.role, 'organization scope is declared: the harness must implement seed.role');
          const role = await t.seed.role({ name: t.name('role') });
          await t.eventually(async () => {
            const groups = await t.directory.permissions.groups({ type: 'organization' }).toArray();
            assert.ok(
              groups.some((g) => g.id === role.id),
              'organization scope declared, but its role is not listed',
            );
          });
        }
        if (c.grantScopes === 'product' || c.grantScopes === 'organization+product') {
          assert.ok(
            t.seed.product && t.seed.productGroup,
            'product scope is declared: the harness must seed products',
          );
          const product = await t.seed.product(org.id, { name: t.name('product') });
          const group = await t.seed.productGroup(product.id, { name: t.name('group') });
          await t.eventually(async () => {
            const groups = await t.directory.permissions
              .groups({ type: 'product', productId: product.id })
              .toArray();
            assert.ok(
              groups.some((g) => g.id === group.id),
              'product scope declared, but its group is not listed',
            );
          });
        }
      },
    },
    {
      group: 'manifest',
      name: 'kindsPerMember: the kinds one member holds together are as declared',
      requires: ['admins.grant', 'billingManagers.grant', 'members.list'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('kinds-per') });
        const ada = await t.seed.user({ email: t.email('ada') });
        await t.seed.member(org.id, ada.id);
        await t.directory.admins.grant(org.id, ada.id);
        await t.directory.billingManagers.grant(org.id, ada.id);
        await t.eventually(async () => {
          const member = (await t.directory.members.list(org.id).toArray()).find((m) => m.user.id === ada.id);
          const kinds = (member?.kinds ?? []).filter((kind) => kind !== 'member').sort();
          if (t.adapter.capabilities.kindsPerMember === 'many')
            assert.deepEqual(
              kinds,
              ['admin', 'billing_manager'],
              "kindsPerMember 'many' but one kind replaced the other",
            );
          else
            assert.deepEqual(
              kinds,
              ['billing_manager'],
              "kindsPerMember 'one' but the member holds other than the last kind granted",
            );
        });
      },
    },
  ];
}
