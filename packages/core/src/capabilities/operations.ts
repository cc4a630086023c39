/**
 * Every facade operation an adapter may support, as `<port>.<method>`. Each is a boolean
 * capability, and names the port method that implements it.
 */
export const OPERATIONS = [
  'organizations.list',
  'organizations.get',
  'organizations.getByName',
  'organizations.create',
  'organizations.update',
  'organizations.delete',
  'members.list',
  'members.add',
  'members.remove',
  'members.organizationsOf',
  'admins.list',
  'admins.grant',
  'admins.revoke',
  'billingManagers.list',
  'billingManagers.grant',
  'billingManagers.revoke',
  'permissions.groups',
  'permissions.grants',
  'permissions.set',
  'permissions.grant',
  'permissions.revoke',
  'invitations.list',
  'invitations.get',
  'invitations.create',
  'invitations.delete',
  'connections.list',
  'connections.get',
  'connections.enable',
  'connections.update',
  'connections.disable',
  'products.list',
  'clientGrants.list',
  'clientGrants.associate',
  'clientGrants.remove',
  'users.findByEmail',
] as const;

/** One of {@link OPERATIONS}. */
export type Operation = (typeof OPERATIONS)[number];
