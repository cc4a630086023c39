import { type Capabilities, defineCapabilities } from '@orgport/core/capabilities';

/**
 * What the Clerk adapter can do (published by `orgport capabilities clerk`). One role per
 * membership (`rolesPerMember: 'one'`, invitations carry exactly that role); admins are the
 * members holding an admin role (`org:admin`), whose permissions are all of them
 * (`grantsOfAdmins: 'implicit'`); Clerk has no billing-manager notion.
 */
export const CLERK_CAPABILITIES: Capabilities = defineCapabilities({
  'organizations.list': true,
  'organizations.get': true,
  'organizations.getByName': true,
  'organizations.create': true,
  'organizations.update': true,
  'organizations.delete': true,
  'members.list': true,
  'members.add': true,
  'members.remove': true,
  'members.organizationsOf': true,
  'admins.list': true,
  'admins.grant': true,
  'admins.revoke': true,
  'permissions.groups': true,
  'permissions.grants': true,
  'permissions.set': true,
  'permissions.revoke': true,
  'invitations.list': true,
  'invitations.get': true,
  'invitations.create': true,
  'invitations.delete': true,
  'users.findByEmail': true,
  pagination: 'offset',
  rolesPerMember: 'one',
  grantScopes: 'organization',
  memberKinds: 'mapped',
  consistency: 'strong',
  grantsOfAdmins: 'implicit',
  invitationGrants: 'one',
});
