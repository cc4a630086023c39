import { type Capabilities, defineCapabilities } from '@orgport/core/capabilities';

/**
 * What the Better Auth adapter can do (published by `orgport capabilities better-auth`).
 * Roles are a list per member (`rolesPerMember: 'many'`) and organization-wide
 * (`grantScopes: 'organization'`); admins and billing managers are mapped from roles; lists
 * page by offset; a read sees the write before it (one database). What an app leaves out
 * (a billing manager role, organization deletion) its instance refuses through the
 * adapter's input rules, before any write and while planning.
 */
export const BETTER_AUTH_CAPABILITIES: Capabilities = defineCapabilities({
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
  'billingManagers.list': true,
  'billingManagers.grant': true,
  'billingManagers.revoke': true,
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
  rolesPerMember: 'many',
  grantScopes: 'organization',
  memberKinds: 'mapped',
  consistency: 'strong',
  grantsOfAdmins: 'explicit',
  invitationGrants: 'many',
  kindsPerMember: 'many',
});
