import assert from 'node:assert/strict';
import type { GrantInput } from '@orgport/core';
import type { ConformanceTest, TestContext } from '../conformance-test.js';

let invitationProducts = 0;

/**
 * The grants an invitation needs: none where organization-wide invitations exist; one
 * product group where product scopes are the only ones (invitations are per product there);
 * one role where invitations carry exactly one organization role.
 */
async function invitationGrants(t: TestContext, organizationId: string): Promise<GrantInput[]> {
  const { grantScopes, invitationGrants: carried } = t.adapter.capabilities;
  if (grantScopes === 'organization' && carried === 'one') {
    // Invitations into exactly one organization role (Clerk): a role to invite into.
    assert.ok(
      t.seed.role,
      'the harness must implement seed.role when organization-scope grants are declared',
    );
    const role = await t.seed.role({ name: t.name(`invitees-${++invitationProducts}`) });
    return [{ scope: { type: 'organization' }, groupId: role.id }];
  }
  if (grantScopes !== 'product') return [];
  assert.ok(
    t.seed.product && t.seed.productGroup,
    'the harness must implement seed.product and seed.productGroup',
  );
  const product = await t.seed.product(organizationId, {
    name: t.name(`invite-product-${++invitationProducts}`),
  });
  const group = await t.seed.productGroup(product.id, { name: t.name('invitees') });
  return [{ scope: { type: 'product', productId: product.id }, groupId: group.id }];
}

/** An invitation made through the adapter when it can create them, else through the seeder. */
async function anInvitation(t: TestContext, organizationId: string, email: string) {
  if (t.adapter.capabilities['invitations.create']) {
    return t.directory.invitations.create(organizationId, {
      email,
      grants: await invitationGrants(t, organizationId),
    });
  }
  assert.ok(
    t.seed.invitation,
    'the harness must implement seed.invitation when invitations.create is not declared',
  );
  return t.seed.invitation(organizationId, { email });
}

/** Tests of `invitations.*`. */
export function invitationTests(): ConformanceTest[] {
  return [
    {
      group: 'invitations',
      name: 'invitations.create invites an email address and returns the invitation',
      requires: ['invitations.create'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('invite') });
        const grants = await invitationGrants(t, org.id);
        const invitation = await t.directory.invitations.create(org.id, {
          email: t.email('newcomer'),
          inviterName: 'Ada',
          grants,
        });
        assert.equal(invitation.email, t.email('newcomer'));
        assert.equal(invitation.organizationId, org.id);
        assert.ok(invitation.id.length > 0);
      },
    },
    {
      group: 'invitations',
      name: 'invitations.create rejects an invalid email with invalid_argument before any request',
      requires: ['invitations.create'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('bad-invite') });
        const sent = await t.requestsDuring(() =>
          t.expectCode(t.directory.invitations.create(org.id, { email: 'not an email' }), 'invalid_argument'),
        );
        assert.equal(sent, 0);
      },
    },
    {
      group: 'invitations',
      name: 'invitations.list lists pending invitations',
      requires: ['invitations.list'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('pending') });
        await anInvitation(t, org.id, t.email('one'));
        await anInvitation(t, org.id, t.email('two'));
        await t.eventually(async () => {
          const emails = (await t.directory.invitations.list(org.id).toArray()).map((i) => i.email).sort();
          assert.deepEqual(emails, [t.email('one'), t.email('two')].sort());
        });
      },
    },
    {
      group: 'invitations',
      name: 'invitations.get returns one invitation',
      requires: ['invitations.get'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('get-invite') });
        const invitation = await anInvitation(t, org.id, t.email('someone'));
        const got = await t.directory.invitations.get(org.id, invitation.id);
        assert.equal(got.id, invitation.id);
        assert.equal(got.email, t.email('someone'));
      },
    },
    {
      group: 'invitations',
      name: 'invitations.get of an unknown invitation fails with not_found',
      requires: ['invitations.get'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('no-invite') });
        const invitation = await anInvitation(t, org.id, t.email('someone'));
        await t.expectCode(t.directory.invitations.get(org.id, t.unknownId(invitation.id)), 'not_found');
      },
    },
    {
      group: 'invitations',
      name: 'invitations.delete revokes an invitation',
      requires: ['invitations.delete', 'invitations.list'],
      async run(t) {
        const org = await t.seed.organization({ name: t.name('revoke-invite') });
        const keep = await anInvitation(t, org.id, t.email('keep'));
        const drop = await anInvitation(t, org.id, t.email('drop'));
        await t.directory.invitations.delete(org.id, drop.id);
        await t.eventually(async () => {
          assert.deepEqual(
            (await t.directory.invitations.list(org.id).toArray()).map((i) => i.id),
            [keep.id],
          );
        });
      },
    },
  ];
}
