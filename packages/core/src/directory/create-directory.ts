import { z } from 'zod';
import { assertAdapter } from '../capabilities/assert-adapter.js';
import type { CapabilityName } from '../capabilities/capabilities.js';
import { hasCapability } from '../capabilities/has-capability.js';
import type { Operation } from '../capabilities/operations.js';
import {
  ConnectionSettingsSchema,
  CreateInvitationInputSchema,
  CreateOrganizationInputSchema,
  EmailSchema,
  GrantInputSchema,
  GrantScopeSchema,
  IdSchema,
  scopeKey,
  UpdateOrganizationInputSchema,
} from '../domain/index.js';
import { OrgPortError } from '../errors/orgport-error.js';
import { throwIfAborted, toCallFailure } from '../errors/to-orgport-error.js';
import type { PagedList } from '../pagination/paged-list.js';
import { paginate } from '../pagination/paginate.js';
import type { Adapter } from '../ports/adapter.js';
import type { CallOptions, ListOptions } from '../ports/call-options.js';
import type { Page } from '../ports/page.js';
import type { Directory, DirectoryListOptions, MemberKindApi } from './directory.js';
import type { OperationEvent } from './operation-event.js';
import { validateInput } from './validate-input.js';

/** Options of {@link createDirectory}. */
export interface DirectoryOptions {
  /** Default page size for lists (adapters clamp it). */
  readonly pageSize?: number | undefined;
  /** Receives one event per adapter call, for tracing and metrics. */
  readonly onOperation?: ((event: OperationEvent) => void) | undefined;
}

const PageSizeSchema = z.number().int().min(1).max(1000).optional();
const CallOptionsSchema = z
  .object({
    signal: z.instanceof(AbortSignal, { error: 'must be an AbortSignal' }).optional(),
    pageSize: PageSizeSchema,
  })
  .optional();
const UserIdsSchema = z
  .array(IdSchema, { error: 'must be an array of user ids' })
  .min(1, { error: 'must not be empty' })
  .max(10_000, { error: 'must hold at most 10,000 ids' });
const GrantsSchema = z.array(GrantInputSchema, { error: 'must be an array of grants' }).max(1000);

type AnyPort = Record<string, ((...args: never[]) => Promise<unknown>) | undefined>;

/**
 * Wraps an adapter in the portable {@link Directory}: input validation, capability checks,
 * pagination, error wrapping and tracing hooks live here once, never in each adapter.
 * Fails with `invalid_argument` when the adapter declares a capability it does not
 * implement.
 *
 * @example
 * ```ts
 * const directory = createDirectory(createMemoryAdapter());
 * for await (const admin of directory.admins.list('org_1')) console.log(admin.user.email);
 * ```
 */
export function createDirectory(adapter: Adapter, options: DirectoryOptions = {}): Directory {
  assertAdapter(adapter);
  validateInput('createDirectory', 'options.pageSize', PageSizeSchema, options.pageSize);
  const vendor = adapter.name;

  const emit = (event: OperationEvent): void => {
    try {
      options.onOperation?.(event);
    } catch {
      // Tracing must never break a call.
    }
  };

  const ensureSupported = (operation: Operation): void => {
    if (adapter.capabilities[operation] !== true) {
      throw new OrgPortError('unsupported', `${vendor} does not support ${operation}`, {
        vendor,
        meta: { capability: operation },
      });
    }
  };

  const portMethod = (operation: Operation): ((...args: unknown[]) => Promise<unknown>) => {
    const [portName, method] = operation.split('.') as [keyof Adapter, string];
    const port = adapter[portName] as unknown as AnyPort;
    return (port[method] as (...args: unknown[]) => Promise<unknown>).bind(port);
  };

  /** Runs one adapter call with tracing and error wrapping. */
  const invoke = async <R>(
    operation: Operation,
    args: readonly unknown[],
    signal: AbortSignal | undefined,
  ): Promise<R> => {
    throwIfAborted(signal, vendor);
    const started = performance.now();
    try {
      const result = (await portMethod(operation)(...args)) as R;
      emit({ operation, vendor, durationMs: performance.now() - started, outcome: 'ok' });
      return result;
    } catch (error) {
      const normalized = toCallFailure(error, vendor, signal);
      emit({
        operation,
        vendor,
        durationMs: performance.now() - started,
        outcome: 'error',
        code: normalized.code,
      });
      throw normalized;
    }
  };

  /** A single (non-list) call: check, validate (done by caller), invoke. */
  const call = async <R>(
    operation: Operation,
    prepare: () => readonly unknown[],
    callOptions: CallOptions | undefined,
  ): Promise<R> => {
    ensureSupported(operation);
    const { signal } = validateInput(operation, 'options', CallOptionsSchema, callOptions) ?? {};
    const args = prepare();
    return invoke<R>(operation, [...args, { signal }], signal);
  };

  /** A lazily failing list: errors in checks or validation surface on first use. */
  const failedList = <T>(error: unknown): PagedList<T> =>
    paginate<T>({
      fetchPage: () => Promise.reject(error),
      idOf: () => '',
      vendor,
    });

  const list = <T>(
    operation: Operation,
    prepare: () => readonly unknown[],
    idOf: (item: T) => string,
    listOptions: DirectoryListOptions | undefined,
  ): PagedList<T> => {
    try {
      ensureSupported(operation);
      const { signal, pageSize } = validateInput(operation, 'options', CallOptionsSchema, listOptions) ?? {};
      const args = prepare();
      return paginate<T>({
        fetchPage: (cursor) => {
          const portOptions: ListOptions = { cursor, pageSize: pageSize ?? options.pageSize, signal };
          return invoke<Page<T>>(operation, [...args, portOptions], signal);
        },
        idOf,
        signal,
        vendor,
        operation,
      });
    } catch (error) {
      return failedList<T>(error);
    }
  };

  const id = (operation: string, field: string, value: unknown): string =>
    validateInput(operation, field, IdSchema, value, vendor);
  const uniqueIds = (operation: string, value: unknown): string[] => [
    ...new Set(validateInput(operation, 'userIds', UserIdsSchema, value, vendor)),
  ];

  const kindApi = (kind: 'admins' | 'billingManagers'): MemberKindApi => ({
    list: (organizationId, o) =>
      list(
        `${kind}.list`,
        () => [id(`${kind}.list`, 'organizationId', organizationId)],
        (m) => m.user.id,
        o,
      ),
    grant: (organizationId, userId, o) =>
      call(
        `${kind}.grant`,
        () => [id(`${kind}.grant`, 'organizationId', organizationId), id(`${kind}.grant`, 'userId', userId)],
        o,
      ),
    revoke: (organizationId, userId, o) =>
      call(
        `${kind}.revoke`,
        () => [
          id(`${kind}.revoke`, 'organizationId', organizationId),
          id(`${kind}.revoke`, 'userId', userId),
        ],
        o,
      ),
  });

  return {
    name: vendor,
    capabilities: adapter.capabilities,
    supports: (name: CapabilityName) => hasCapability(adapter.capabilities, name),
    organizations: {
      list: (o) =>
        list(
          'organizations.list',
          () => [],
          (org) => org.id,
          o,
        ),
      get: (organizationId, o) =>
        call('organizations.get', () => [id('organizations.get', 'organizationId', organizationId)], o),
      getByName: (name, o) =>
        call(
          'organizations.getByName',
          () => [validateInput('organizations.getByName', 'name', z.string().min(1).max(255), name, vendor)],
          o,
        ),
      create: (input, o) =>
        call(
          'organizations.create',
          () => [
            validateInput('organizations.create', 'input', CreateOrganizationInputSchema, input, vendor),
          ],
          o,
        ),
      update: (organizationId, input, o) =>
        call(
          'organizations.update',
          () => [
            id('organizations.update', 'organizationId', organizationId),
            validateInput('organizations.update', 'input', UpdateOrganizationInputSchema, input, vendor),
          ],
          o,
        ),
      delete: (organizationId, o) =>
        call('organizations.delete', () => [id('organizations.delete', 'organizationId', organizationId)], o),
    },
    members: {
      list: (organizationId, o) =>
        list(
          'members.list',
          () => [id('members.list', 'organizationId', organizationId)],
          (m) => m.user.id,
          o,
        ),
      add: (organizationId, userIds, o) =>
        call(
          'members.add',
          () => [id('members.add', 'organizationId', organizationId), uniqueIds('members.add', userIds)],
          o,
        ),
      remove: (organizationId, userIds, o) =>
        call(
          'members.remove',
          () => [
            id('members.remove', 'organizationId', organizationId),
            uniqueIds('members.remove', userIds),
          ],
          o,
        ),
      organizationsOf: (userId, o) =>
        list(
          'members.organizationsOf',
          () => [id('members.organizationsOf', 'userId', userId)],
          (org) => org.id,
          o,
        ),
    },
    admins: kindApi('admins'),
    billingManagers: kindApi('billingManagers'),
    permissions: {
      groups: (scope, o) =>
        list(
          'permissions.groups',
          () => [validateInput('permissions.groups', 'scope', GrantScopeSchema.optional(), scope, vendor)],
          (group) => `${scopeKey(group.scope)}/${group.id}`,
          o,
        ),
      grants: (organizationId, userId, o) =>
        call(
          'permissions.grants',
          () => [
            id('permissions.grants', 'organizationId', organizationId),
            id('permissions.grants', 'userId', userId),
          ],
          o,
        ),
      set: (organizationId, userId, grants, o) =>
        call(
          'permissions.set',
          () => [
            id('permissions.set', 'organizationId', organizationId),
            id('permissions.set', 'userId', userId),
            validateInput('permissions.set', 'grants', GrantsSchema, grants, vendor),
          ],
          o,
        ),
      revoke: (organizationId, userId, grants, o) =>
        call(
          'permissions.revoke',
          () => [
            id('permissions.revoke', 'organizationId', organizationId),
            id('permissions.revoke', 'userId', userId),
            validateInput('permissions.revoke', 'grants', GrantsSchema.min(1), grants, vendor),
          ],
          o,
        ),
    },
    invitations: {
      list: (organizationId, o) =>
        list(
          'invitations.list',
          () => [id('invitations.list', 'organizationId', organizationId)],
          (i) => i.id,
          o,
        ),
      get: (organizationId, invitationId, o) =>
        call(
          'invitations.get',
          () => [
            id('invitations.get', 'organizationId', organizationId),
            id('invitations.get', 'invitationId', invitationId),
          ],
          o,
        ),
      create: (organizationId, input, o) =>
        call(
          'invitations.create',
          () => [
            id('invitations.create', 'organizationId', organizationId),
            validateInput('invitations.create', 'input', CreateInvitationInputSchema, input, vendor),
          ],
          o,
        ),
      delete: (organizationId, invitationId, o) =>
        call(
          'invitations.delete',
          () => [
            id('invitations.delete', 'organizationId', organizationId),
            id('invitations.delete', 'invitationId', invitationId),
          ],
          o,
        ),
    },
    connections: {
      list: (organizationId, o) =>
        list(
          'connections.list',
          () => [id('connections.list', 'organizationId', organizationId)],
          (c) => c.id,
          o,
        ),
      get: (organizationId, connectionId, o) =>
        call(
          'connections.get',
          () => [
            id('connections.get', 'organizationId', organizationId),
            id('connections.get', 'connectionId', connectionId),
          ],
          o,
        ),
      enable: (organizationId, connectionId, settings, o) =>
        call(
          'connections.enable',
          () => [
            id('connections.enable', 'organizationId', organizationId),
            id('connections.enable', 'connectionId', connectionId),
            validateInput('connections.enable', 'settings', ConnectionSettingsSchema, settings ?? {}, vendor),
          ],
          o,
        ),
      update: (organizationId, connectionId, settings, o) =>
        call(
          'connections.update',
          () => [
            id('connections.update', 'organizationId', organizationId),
            id('connections.update', 'connectionId', connectionId),
            validateInput('connections.update', 'settings', ConnectionSettingsSchema, settings, vendor),
          ],
          o,
        ),
      disable: (organizationId, connectionId, o) =>
        call(
          'connections.disable',
          () => [
            id('connections.disable', 'organizationId', organizationId),
            id('connections.disable', 'connectionId', connectionId),
          ],
          o,
        ),
    },
    products: {
      list: (organizationId, o) =>
        list(
          'products.list',
          () => [id('products.list', 'organizationId', organizationId)],
          (p) => p.id,
          o,
        ),
    },
    clientGrants: {
      list: (organizationId, o) =>
        list(
          'clientGrants.list',
          () => [id('clientGrants.list', 'organizationId', organizationId)],
          (g) => g.id,
          o,
        ),
      associate: (organizationId, grantId, o) =>
        call(
          'clientGrants.associate',
          () => [
            id('clientGrants.associate', 'organizationId', organizationId),
            id('clientGrants.associate', 'grantId', grantId),
          ],
          o,
        ),
      remove: (organizationId, grantId, o) =>
        call(
          'clientGrants.remove',
          () => [
            id('clientGrants.remove', 'organizationId', organizationId),
            id('clientGrants.remove', 'grantId', grantId),
          ],
          o,
        ),
    },
    users: {
      findByEmail: (email, o) =>
        call(
          'users.findByEmail',
          () => [validateInput('users.findByEmail', 'email', EmailSchema, email, vendor)],
          o,
        ),
    },
    close: async () => {
      await adapter.close?.();
    },
  };
}
