import assert from 'node:assert/strict';
import { type Directory, OPERATIONS, type Operation } from '@orgport/core';
import type { ConformanceTest } from '../conformance-test.js';

const ORG = 'org_conformance';
const USER = 'user_conformance';
const grant = [{ scope: { type: 'organization' as const }, groupId: 'group_conformance' }];

/** One well-formed call per operation, so only the capability check can stop it. */
const CALLS: Record<Operation, (d: Directory) => Promise<unknown>> = {
  'organizations.list': (d) => d.organizations.list().toArray(),
  'organizations.get': (d) => d.organizations.get(ORG),
  'organizations.getByName': (d) => d.organizations.getByName('conformance'),
  'organizations.create': (d) => d.organizations.create({ name: 'conformance' }),
  'organizations.update': (d) => d.organizations.update(ORG, { displayName: 'Conformance' }),
  'organizations.delete': (d) => d.organizations.delete(ORG),
  'members.list': (d) => d.members.list(ORG).toArray(),
  'members.add': (d) => d.members.add(ORG, [USER]),
  'members.remove': (d) => d.members.remove(ORG, [USER]),
  'members.organizationsOf': (d) => d.members.organizationsOf(USER).toArray(),
  'admins.list': (d) => d.admins.list(ORG).toArray(),
  'admins.grant': (d) => d.admins.grant(ORG, USER),
  'admins.revoke': (d) => d.admins.revoke(ORG, USER),
  'billingManagers.list': (d) => d.billingManagers.list(ORG).toArray(),
  'billingManagers.grant': (d) => d.billingManagers.grant(ORG, USER),
  'billingManagers.revoke': (d) => d.billingManagers.revoke(ORG, USER),
  'permissions.groups': (d) => d.permissions.groups().toArray(),
  'permissions.grants': (d) => d.permissions.grants(ORG, USER),
  'permissions.set': (d) => d.permissions.set(ORG, USER, grant),
  'permissions.grant': (d) => d.permissions.grant(ORG, USER, grant),
  'permissions.revoke': (d) => d.permissions.revoke(ORG, USER, grant),
  'invitations.list': (d) => d.invitations.list(ORG).toArray(),
  'invitations.get': (d) => d.invitations.get(ORG, 'inv_conformance'),
  'invitations.create': (d) => d.invitations.create(ORG, { email: 'conformance@example.com' }),
  'invitations.delete': (d) => d.invitations.delete(ORG, 'inv_conformance'),
  'connections.list': (d) => d.connections.list(ORG).toArray(),
  'connections.get': (d) => d.connections.get(ORG, 'con_conformance'),
  'connections.enable': (d) => d.connections.enable(ORG, 'con_conformance'),
  'connections.update': (d) => d.connections.update(ORG, 'con_conformance', { showAsButton: true }),
  'connections.disable': (d) => d.connections.disable(ORG, 'con_conformance'),
  'products.list': (d) => d.products.list(ORG).toArray(),
  'clientGrants.list': (d) => d.clientGrants.list(ORG).toArray(),
  'clientGrants.associate': (d) => d.clientGrants.associate(ORG, 'cgr_conformance'),
  'clientGrants.remove': (d) => d.clientGrants.remove(ORG, 'cgr_conformance'),
  'users.findByEmail': (d) => d.users.findByEmail('conformance@example.com'),
};

/**
 * For every operation the manifest does NOT declare: the facade call fails with
 * `unsupported` and the adapter sends no request. (Declared operations are covered by the
 * behaviour tests of their group; for them these tests are not applicable, not skipped.)
 */
export function unsupportedTests(): ConformanceTest[] {
  return OPERATIONS.map((operation) => ({
    group: 'unsupported' as const,
    name: `${operation} fails with unsupported before any request when not declared`,
    requires: [],
    notApplicable: (capabilities) => (capabilities[operation] ? `${operation} is declared` : undefined),
    async run(t) {
      const sent = await t.requestsDuring(() => t.expectCode(CALLS[operation](t.directory), 'unsupported'));
      assert.equal(sent, 0, `${operation} sent ${sent} request(s) before failing`);
    },
  }));
}
