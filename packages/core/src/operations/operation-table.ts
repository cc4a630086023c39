import { z } from 'zod';
import type { Operation } from '../capabilities/operations.js';
import {
  type ClientGrant,
  type Connection,
  type ConnectionSettings,
  ConnectionSettingsSchema,
  type CreateInvitationInput,
  CreateInvitationInputSchema,
  type CreateOrganizationInput,
  CreateOrganizationInputSchema,
  EmailSchema,
  type GrantInput,
  GrantInputSchema,
  type GrantScope,
  GrantScopeSchema,
  IdSchema,
  type Invitation,
  type Member,
  type Organization,
  type PermissionGrant,
  type PermissionGroup,
  type Product,
  scopeKey,
  type UpdateOrganizationInput,
  UpdateOrganizationInputSchema,
  type User,
} from '../domain/index.js';
import { arg, call, list, type OperationSpec } from './operation-spec.js';

const id = (name: string) => arg<string>(name, IdSchema);
const userIds = (name: string) =>
  arg<readonly string[]>(
    name,
    z
      .array(IdSchema, { error: 'must be an array of user ids' })
      .min(1, { error: 'must not be empty' })
      .max(10_000, { error: 'must hold at most 10,000 ids' })
      .transform((ids) => [...new Set(ids)]),
  );
const grants = (min: number) =>
  arg<readonly GrantInput[]>(
    'grants',
    z.array(GrantInputSchema, { error: 'must be an array of grants' }).min(min).max(1000),
  );

const memberById = (member: Member) => member.user.id;
const byId = (item: { readonly id: string }) => item.id;

/** One organization-level kind: the members holding it, grant, revoke. */
const kindOperations = {
  list: list<Member>(memberById)(id('organizationId')),
  grant: call<void>()(id('organizationId'), id('userId')),
  revoke: call<void>()(id('organizationId'), id('userId')),
};

/**
 * Every operation of the facade, once: its arguments (names, schemas, types), whether it is
 * a single call or a paged list, and its result. The port interfaces adapters implement and
 * the facade's dispatch are derived from this table, and its keys are exactly the
 * capability names of {@link Operation}, so the compiler ties `'members.list'` to
 * `MemberPort.list` and to `directory.members.list`.
 */
export const OPERATION_TABLE = {
  /** Every organization the credentials can see. */
  'organizations.list': list<Organization>(byId)(),
  /** One organization; `not_found` when absent. */
  'organizations.get': call<Organization>()(id('organizationId')),
  /** One organization by its unique name; `not_found` when absent. */
  'organizations.getByName': call<Organization>()(arg<string>('name', z.string().min(1).max(255))),
  /** Creates an organization; `already_exists` when the name is taken. */
  'organizations.create': call<Organization>()(
    arg<CreateOrganizationInput>('input', CreateOrganizationInputSchema),
  ),
  /** Changes an organization and returns it. */
  'organizations.update': call<Organization>()(
    id('organizationId'),
    arg<UpdateOrganizationInput>('input', UpdateOrganizationInputSchema),
  ),
  /** Deletes an organization and its memberships (not its users). */
  'organizations.delete': call<void>()(id('organizationId')),
  /** Every user who belongs to the organization in any kind, each once, with kinds, roles and grants. */
  'members.list': list<Member>(memberById)(id('organizationId')),
  /** Adds existing users as ordinary members; adding a current member is not an error. */
  'members.add': call<void>()(id('organizationId'), userIds('userIds')),
  /** Removes users from the organization in every kind; removing a non-member is not an error. */
  'members.remove': call<void>()(id('organizationId'), userIds('userIds')),
  /** The organizations a user belongs to. */
  'members.organizationsOf': list<Organization>(byId)(id('userId')),
  /** The organization's admins. */
  'admins.list': kindOperations.list,
  /** Makes an existing member an admin (idempotent). */
  'admins.grant': kindOperations.grant,
  /** Takes the admin kind away (idempotent). */
  'admins.revoke': kindOperations.revoke,
  /** The organization's billing managers. */
  'billingManagers.list': kindOperations.list,
  /** Makes an existing member a billing manager (idempotent). */
  'billingManagers.grant': kindOperations.grant,
  /** Takes the billing manager kind away (idempotent). */
  'billingManagers.revoke': kindOperations.revoke,
  /** The permission groups in one scope, or in every scope. */
  'permissions.groups': list<PermissionGroup>((group) => `${scopeKey(group.scope)}/${group.id}`)(
    arg<GrantScope, 'optional'>('scope', GrantScopeSchema.optional(), 'optional'),
  ),
  /** Every grant of one member. */
  'permissions.grants': call<readonly PermissionGrant[]>()(id('organizationId'), id('userId')),
  /** Makes the member's grants exactly the given list. */
  'permissions.set': call<void>()(id('organizationId'), id('userId'), grants(0)),
  /**
   * Adds the listed grants and keeps every other the member holds (idempotent); in a
   * product scope a listed group replaces the member's group in that product. A write of
   * only the change, so a grant made meanwhile by someone else is never taken away.
   */
  'permissions.grant': call<void>()(id('organizationId'), id('userId'), grants(1)),
  /** Revokes the listed grants (idempotent). */
  'permissions.revoke': call<void>()(id('organizationId'), id('userId'), grants(1)),
  /** Pending invitations of the organization. */
  'invitations.list': list<Invitation>(byId)(id('organizationId')),
  /** One invitation; `not_found` when absent. */
  'invitations.get': call<Invitation>()(id('organizationId'), id('invitationId')),
  /** Invites an email address. */
  'invitations.create': call<Invitation>()(
    id('organizationId'),
    arg<CreateInvitationInput>('input', CreateInvitationInputSchema),
  ),
  /** Revokes an invitation. */
  'invitations.delete': call<void>()(id('organizationId'), id('invitationId')),
  /** Connections enabled for the organization. */
  'connections.list': list<Connection>(byId)(id('organizationId')),
  /** One enabled connection. */
  'connections.get': call<Connection>()(id('organizationId'), id('connectionId')),
  /** Enables a connection for the organization (settings default to none). */
  'connections.enable': call<Connection>()(
    id('organizationId'),
    id('connectionId'),
    arg<ConnectionSettings, 'defaulted'>('settings', ConnectionSettingsSchema.default({}), 'defaulted'),
  ),
  /** Changes an enabled connection's settings. */
  'connections.update': call<Connection>()(
    id('organizationId'),
    id('connectionId'),
    arg<ConnectionSettings>('settings', ConnectionSettingsSchema),
  ),
  /** Disables a connection for the organization. */
  'connections.disable': call<void>()(id('organizationId'), id('connectionId')),
  /** The organization's products. */
  'products.list': list<Product>(byId)(id('organizationId')),
  /** Client grants associated with the organization. */
  'clientGrants.list': list<ClientGrant>(byId)(id('organizationId')),
  /** Associates a tenant client grant with the organization. */
  'clientGrants.associate': call<ClientGrant>()(id('organizationId'), id('grantId')),
  /** Removes the association. */
  'clientGrants.remove': call<void>()(id('organizationId'), id('grantId')),
  /** The user with this email (case-insensitive), or undefined. */
  'users.findByEmail': call<User | undefined>()(arg<string>('email', EmailSchema)),
} as const satisfies Record<Operation, OperationSpec>;

/** The table's type. */
export type OperationTable = typeof OPERATION_TABLE;

/** The spec of one operation. */
export type SpecOf<Op extends Operation> = OperationTable[Op];
