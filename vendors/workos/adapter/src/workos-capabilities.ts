import { type Capabilities, defineCapabilities } from '@orgport/core/capabilities';

const COMMON = {
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
  pagination: 'checkpoint',
  grantScopes: 'organization',
  memberKinds: 'mapped',
  consistency: 'strong',
  invitationGrants: 'at-most-one',
} as const;

/**
 * What the WorkOS adapter can do on an environment with one role per membership (WorkOS's
 * default; published by `orgport capabilities workos`). The admin kind is a role, so it
 * replaces any other role: admins' grants are implicit. No billing-manager kind.
 */
export const WORKOS_CAPABILITIES: Capabilities = defineCapabilities({
  ...COMMON,
  rolesPerMember: 'one',
  grantsOfAdmins: 'implicit',
});

/** The manifest on an environment with multiple roles enabled (`multipleRoles: true`). */
export const WORKOS_MULTIPLE_ROLES_CAPABILITIES: Capabilities = defineCapabilities({
  ...COMMON,
  rolesPerMember: 'many',
  grantsOfAdmins: 'explicit',
});
