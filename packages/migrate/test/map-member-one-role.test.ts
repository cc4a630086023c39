import { defineCapabilities, type Member } from '@orgport/core';
import { describe, expect, it } from 'vitest';
import { mapMember, type TargetProduct } from '../src/map-member.js';
import { NameIndex } from '../src/name-index.js';
import { loadRoleMapping } from '../src/role-mapping.js';

const target = (rolesPerMember: 'one' | 'many') =>
  defineCapabilities({
    'permissions.set': true,
    'admins.grant': true,
    grantScopes: 'organization',
    rolesPerMember,
    memberKinds: 'mapped',
  });

const catalog = {
  roles: new NameIndex([
    { id: 'org:editor', name: 'Editor' },
    { id: 'org:viewer', name: 'Viewer' },
  ]),
  products: new NameIndex<TargetProduct>(),
};

const member: Member = {
  user: { id: 'auth0|ada', email: 'ada@example.com' },
  organizationId: 'org_1',
  kinds: ['member'],
  roles: [],
  grants: [
    { scope: { type: 'organization' }, group: { id: 'rol_v', name: 'reader' } },
    { scope: { type: 'organization' }, group: { id: 'rol_e', name: 'writer' } },
  ],
};

const mapping = loadRoleMapping({
  rules: [
    { from: { role: 'writer' }, to: [{ role: 'Editor' }] },
    { from: { role: 'reader' }, to: [{ role: 'Viewer' }] },
  ],
});

describe('mapMember onto a target with one role per member', () => {
  it('keeps the role of the first matching rule and reports the other with that rule', () => {
    const mapped = mapMember(member, mapping, catalog, target('one'));
    expect(mapped.grants).toEqual([{ scope: { type: 'organization' }, groupId: 'org:editor' }]);
    expect(mapped.losses).toEqual([
      {
        item: 'role reader',
        reason:
          'the target holds one role per member; rule role writer → role Editor came first and keeps role Editor',
      },
    ]);
  });

  it('carries both roles where the target holds many, with no loss', () => {
    const mapped = mapMember(member, mapping, catalog, target('many'));
    expect(mapped.grants.map((grant) => grant.groupId).sort()).toEqual(['org:editor', 'org:viewer']);
    expect(mapped.losses).toEqual([]);
  });

  it('reports nothing when two source roles map to the same single target role', () => {
    const same = loadRoleMapping({
      rules: [
        { from: { role: 'writer' }, to: [{ role: 'Editor' }] },
        { from: { role: 'reader' }, to: [{ role: 'Editor' }] },
      ],
    });
    const mapped = mapMember(member, same, catalog, target('one'));
    expect(mapped.grants).toEqual([{ scope: { type: 'organization' }, groupId: 'org:editor' }]);
    expect(mapped.losses).toEqual([]);
  });
});
