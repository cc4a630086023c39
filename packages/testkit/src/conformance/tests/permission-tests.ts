import assert from 'node:assert/strict';
import type { Capabilities, GrantInput, PermissionGrant } from '@orgport/core';
import type { ConformanceTest, TestContext } from '../conformance-test.js';

const needsOrganizationScope = (c: Capabilities): string | undefined =>
  c.grantScopes === 'organization' || c.grantScopes === 'organization+product'
    ? undefined
    : `grantScopes is ${c.grantScopes}, not organization`;
const needsProductScope = (c: Capabilities): string | undefined =>
  c.grantScopes === 'product' || c.grantScopes === 'organization+product'
    ? undefined
    : `grantScopes is ${c.grantScopes}, not product`;

const groupIds = (grants: readonly PermissionGrant[]): string[] => grants.map((g) => g.group.id).sort();

async function seedRoles(t: TestContext, names: readonly string[]) {
  assert.ok(t.seed.role, 'the harness must implement seed.role when organization-scope grants are declared');
  const roles = [];
  for (const name of names) roles.push(await t.seed.role({ name: t.name(name) }));
  return roles;
}

async function seedProductWithGroups(
  t: TestContext,
  organizationId: string,
  suffix: string,
  names: readonly string[],
) {
  assert.ok(
    t.seed.product && t.seed.productGroup,
    'the harness must implement seed.product and seed.productGroup',
  );
  const product = await t.seed.product(organizationId, { name: t.name(`product-${suffix}`) });
  const groups = [];
  for (const name of names) groups.push(await t.seed.productGroup(product.id, { name: t.name(name) }));
  return { product, groups };
}

async function seedMember(t: TestContext, suffix: string) {
  const org = await t.seed.organization({ name: t.name(`perm-${suffix}`) });
  const user = await t.seed.user({ email: t.email(suffix) });
  await t.seed.member(org.id, user.id);
  return { org, user };
}

/** Tests of `permissions.*`, by grant scope. */
export function permissionTests(): ConformanceTest[] {
  return [
    {
      group: 'permissions',
      name: 'permissions.groups lists organization roles',
      requires: ['permissions.groups'],
      unless: needsOrganizationScope,
      async run(t) {
        const roles = await seedRoles(t, ['viewer', 'editor']);
        await t.eventually(async () => {
          const listed = await t.directory.permissions.groups({ type: 'organization' }).toArray();
          for (const role of roles) {
            const found = listed.find((g) => g.id === role.id);
            assert.equal(found?.name, role.name, `role ${role.name} not listed`);
            assert.equal(found?.scope.type, 'organization');
          }
        });
      },
    },
    {
      group: 'permissions',
      name: 'permissions.groups lists exactly the groups of one product',
      requires: ['permissions.groups'],
      unless: needsProductScope,
      async run(t) {
        const org = await t.seed.organization({ name: t.name('groups') });
        const { product, groups } = await seedProductWithGroups(t, org.id, 'a', ['devs', 'ops']);
        await seedProductWithGroups(t, org.id, 'b', ['other']);
        await t.eventually(async () => {
          const listed = await t.directory.permissions
            .groups({ type: 'product', productId: product.id })
            .toArray();
          assert.deepEqual(listed.map((g) => g.id).sort(), groups.map((g) => g.id).sort());
          for (const group of listed)
            assert.deepEqual(group.scope.type === 'product' && group.scope.productId, product.id);
        });
      },
    },
    {
      group: 'permissions',
      name: 'permissions.groups of an unknown product fails with not_found',
      requires: ['permissions.groups'],
      unless: needsProductScope,
      async run(t) {
        const org = await t.seed.organization({ name: t.name('groups-404') });
        const { product } = await seedProductWithGroups(t, org.id, 'x', ['g']);
        const unknown = t.unknownId(product.id);
        await t.expectCode(
          t.directory.permissions.groups({ type: 'product', productId: unknown }).toArray(),
          'not_found',
        );
      },
    },
    {
      group: 'permissions',
      name: 'permissions.set gives a member organization roles, visible in grants and members.list',
      requires: ['permissions.set', 'permissions.grants'],
      unless: needsOrganizationScope,
      async run(t) {
        const { org, user } = await seedMember(t, 'roles');
        // A single-role vendor (rolesPerMember 'one') is given one role, any other two.
        const roles = await seedRoles(
          t,
          t.adapter.capabilities.rolesPerMember === 'one' ? ['viewer'] : ['viewer', 'editor'],
        );
        const grants: GrantInput[] = roles.map((role) => ({
          scope: { type: 'organization' },
          groupId: role?.id ?? '',
        }));
        const wanted = roles.map((role) => role?.id).sort();
        await t.directory.permissions.set(org.id, user.id, grants);
        await t.eventually(async () => {
          assert.deepEqual(groupIds(await t.directory.permissions.grants(org.id, user.id)), wanted);
          if (t.adapter.capabilities['members.list']) {
            const [member] = await t.directory.members.list(org.id).toArray();
            assert.deepEqual(groupIds(member?.grants ?? []), wanted);
          }
        });
      },
    },
    {
      group: 'permissions',
      name: 'permissions.set gives a member one group per product',
      requires: ['permissions.set', 'permissions.grants'],
      unless: needsProductScope,
      async run(t) {
        const { org, user } = await seedMember(t, 'products');
        const web = await seedProductWithGroups(t, org.id, 'web', ['web-devs', 'web-ops']);
        const api = await seedProductWithGroups(t, org.id, 'api', ['api-devs']);
        const grants: GrantInput[] = [
          { scope: { type: 'product', productId: web.product.id }, groupId: web.groups[1]?.id ?? '' },
          { scope: { type: 'product', productId: api.product.id }, groupId: api.groups[0]?.id ?? '' },
        ];
        await t.directory.permissions.set(org.id, user.id, grants);
        await t.eventually(async () => {
          const held = await t.directory.permissions.grants(org.id, user.id);
          assert.deepEqual(groupIds(held), grants.map((g) => g.groupId).sort());
          const webGrant = held.find((g) => g.group.id === web.groups[1]?.id);
          assert.equal(webGrant?.scope.type === 'product' && webGrant.scope.productId, web.product.id);
          assert.equal(webGrant?.group.name, web.groups[1]?.name);
        });
      },
    },
    {
      group: 'permissions',
      name: 'permissions.set replaces the grants a member held before',
      requires: ['permissions.set', 'permissions.grants'],
      async run(t) {
        const { org, user } = await seedMember(t, 'replace');
        let first: GrantInput;
        let second: GrantInput;
        if (!needsProductScope(t.adapter.capabilities)) {
          const web = await seedProductWithGroups(t, org.id, 'web', ['one', 'two']);
          first = { scope: { type: 'product', productId: web.product.id }, groupId: web.groups[0]?.id ?? '' };
          second = {
            scope: { type: 'product', productId: web.product.id },
            groupId: web.groups[1]?.id ?? '',
          };
        } else {
          const [one, two] = await seedRoles(t, ['one', 'two']);
          first = { scope: { type: 'organization' }, groupId: one?.id ?? '' };
          second = { scope: { type: 'organization' }, groupId: two?.id ?? '' };
        }
        await t.directory.permissions.set(org.id, user.id, [first]);
        await t.directory.permissions.set(org.id, user.id, [second]);
        await t.eventually(async () => {
          assert.deepEqual(groupIds(await t.directory.permissions.grants(org.id, user.id)), [second.groupId]);
        });
      },
    },
    {
      group: 'permissions',
      name: 'permissions.set refuses two groups of one product with invalid_argument',
      requires: ['permissions.set'],
      unless: needsProductScope,
      async run(t) {
        const { org, user } = await seedMember(t, 'two-groups');
        const web = await seedProductWithGroups(t, org.id, 'web', ['one', 'two']);
        const scope = { type: 'product', productId: web.product.id } as const;
        await t.expectCode(
          t.directory.permissions.set(org.id, user.id, [
            { scope, groupId: web.groups[0]?.id ?? '' },
            { scope, groupId: web.groups[1]?.id ?? '' },
          ]),
          'invalid_argument',
        );
      },
    },
    {
      group: 'permissions',
      name: 'permissions.set with an unknown group fails with not_found',
      requires: ['permissions.set'],
      async run(t) {
        const { org, user } = await seedMember(t, 'unknown-group');
        let grant: GrantInput;
        if (!needsProductScope(t.adapter.capabilities)) {
          const web = await seedProductWithGroups(t, org.id, 'web', ['g']);
          grant = {
            scope: { type: 'product', productId: web.product.id },
            groupId: t.unknownId(web.groups[0]?.id ?? '1'),
          };
        } else {
          const [role] = await seedRoles(t, ['r']);
          grant = { scope: { type: 'organization' }, groupId: t.unknownId(role?.id ?? 'rol_x') };
        }
        await t.expectCode(t.directory.permissions.set(org.id, user.id, [grant]), 'not_found');
      },
    },
    {
      group: 'permissions',
      name: 'permissions.revoke removes only the listed grants',
      requires: ['permissions.revoke', 'permissions.set', 'permissions.grants'],
      async run(t) {
        const { org, user } = await seedMember(t, 'revoke');
        let grants: GrantInput[];
        if (!needsProductScope(t.adapter.capabilities)) {
          const web = await seedProductWithGroups(t, org.id, 'web', ['w']);
          const api = await seedProductWithGroups(t, org.id, 'api', ['a']);
          grants = [
            { scope: { type: 'product', productId: web.product.id }, groupId: web.groups[0]?.id ?? '' },
            { scope: { type: 'product', productId: api.product.id }, groupId: api.groups[0]?.id ?? '' },
          ];
        } else {
          const roles = await seedRoles(t, ['keep', 'drop']);
          grants = roles.map((role) => ({ scope: { type: 'organization' }, groupId: role.id }));
        }
        const [keep, drop] = grants as [GrantInput, GrantInput];
        // A single-role vendor holds only `keep`: revoking `drop` must leave it alone.
        await t.directory.permissions.set(
          org.id,
          user.id,
          t.adapter.capabilities.rolesPerMember === 'one' ? [keep] : grants,
        );
        await t.directory.permissions.revoke(org.id, user.id, [drop]);
        await t.directory.permissions.revoke(org.id, user.id, [drop]);
        await t.eventually(async () => {
          assert.deepEqual(groupIds(await t.directory.permissions.grants(org.id, user.id)), [keep.groupId]);
        });
      },
    },
    {
      group: 'permissions',
      name: 'permissions.grant adds the listed grants and keeps the others',
      requires: ['permissions.grant', 'permissions.set', 'permissions.grants'],
      async run(t) {
        const { org, user } = await seedMember(t, 'grant');
        let grants: GrantInput[];
        if (!needsProductScope(t.adapter.capabilities)) {
          const web = await seedProductWithGroups(t, org.id, 'web', ['w']);
          const api = await seedProductWithGroups(t, org.id, 'api', ['a']);
          grants = [
            { scope: { type: 'product', productId: web.product.id }, groupId: web.groups[0]?.id ?? '' },
            { scope: { type: 'product', productId: api.product.id }, groupId: api.groups[0]?.id ?? '' },
          ];
        } else {
          const roles = await seedRoles(t, ['held', 'added']);
          grants = roles.map((role) => ({ scope: { type: 'organization' }, groupId: role.id }));
        }
        const [held, added] = grants as [GrantInput, GrantInput];
        await t.directory.permissions.set(org.id, user.id, [held]);
        await t.directory.permissions.grant(org.id, user.id, [added]);
        await t.directory.permissions.grant(org.id, user.id, [added]);
        await t.eventually(async () => {
          assert.deepEqual(
            groupIds(await t.directory.permissions.grants(org.id, user.id)),
            [held.groupId, added.groupId].sort(),
          );
        });
      },
    },
    {
      group: 'permissions',
      name: 'permissions.grants of a user who is not a member fails with not_found',
      requires: ['permissions.grants'],
      async run(t) {
        const { org } = await seedMember(t, 'member');
        const stranger = await t.seed.user({ email: t.email('stranger') });
        await t.expectCode(t.directory.permissions.grants(org.id, stranger.id), 'not_found');
      },
    },
  ];
}
