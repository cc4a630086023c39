import { type Adapter, defineCapabilities, type Member, OrgPortError } from '@orgport/core';
import type { CallOptions, ListOptions, Page } from '@orgport/core/driver';
import { describe, expect, it } from 'vitest';
import {
  type ConformanceResult,
  type MemoryAdapter,
  memoryHarness,
  runConformanceTests,
} from '../src/index.js';

type Mutation = (adapter: MemoryAdapter) => Adapter;

/** Runs the whole suite (at a small scale) against a mutated memory adapter. */
async function suiteAgainst(mutate: Mutation): Promise<ConformanceResult[]> {
  return runConformanceTests({
    name: 'mutant',
    scale: { largeMemberCount: 250, pageSize: 20 },
    makeHarness: (context) => memoryHarness(context, { wrap: mutate }),
  });
}

const failedNames = (results: readonly ConformanceResult[]): string[] =>
  results.filter((r) => r.outcome === 'failed').map((r) => r.name);

const withMembers = (adapter: MemoryAdapter, members: Partial<NonNullable<Adapter['members']>>): Adapter => ({
  ...adapter,
  members: { ...adapter.members, ...members },
});

const innerList = (adapter: MemoryAdapter) => {
  const list = adapter.members?.list;
  if (!list) throw new Error('memory adapter has members.list');
  return (organizationId: string, options: ListOptions): Promise<Page<Member>> =>
    list(organizationId, options);
};

/** Admins as a filter over one page of members: with or without that page's cursor. */
const adminsFromMemberPages = (adapter: MemoryAdapter, keepCursor: boolean): Adapter => {
  const list = innerList(adapter);
  return {
    ...adapter,
    admins: {
      ...adapter.admins,
      async list(organizationId: string, options: ListOptions) {
        const page = await list(organizationId, options);
        const items = page.items.filter((m) => m.kinds.includes('admin'));
        return keepCursor ? { items, next: page.next } : { items };
      },
    },
  };
};

const MUTANTS: Record<string, { mutate: Mutation; caughtBy: RegExp }> = {
  'drops the last page of members': {
    caughtBy: /members\.list pages through/,
    mutate: (adapter) => {
      const list = innerList(adapter);
      return withMembers(adapter, {
        async list(organizationId, options) {
          const page = await list(organizationId, options);
          if (page.next === undefined) return page;
          const following = await list(organizationId, { ...options, cursor: page.next });
          return following.next === undefined ? { items: page.items } : page;
        },
      });
    },
  },
  'repeats a member on the next page': {
    caughtBy: /members\.list pages through/,
    mutate: (adapter) => {
      const list = innerList(adapter);
      return withMembers(adapter, {
        async list(organizationId, options) {
          const page = await list(organizationId, options);
          if (options.cursor === undefined || page.items.length === 0) return page;
          const previous = await list(organizationId, { ...options, cursor: undefined });
          return { ...page, items: [...previous.items.slice(-1), ...page.items] };
        },
      });
    },
  },
  'ignores the abort signal': {
    caughtBy: /members\.list rejects with cancelled when its signal fires/,
    mutate: (adapter) => {
      const list = innerList(adapter);
      return withMembers(adapter, {
        list: (organizationId, options) => list(organizationId, { ...options, signal: undefined }),
      });
    },
  },
  'claims organizations.delete but deletes nothing': {
    caughtBy: /organizations\.delete removes the organization/,
    mutate: (adapter) => ({
      ...adapter,
      organizations: { ...adapter.organizations, delete: async () => undefined },
    }),
  },
  'maps a missing organization to a generic error': {
    caughtBy: /organizations\.get fails with not_found/,
    mutate: (adapter) => ({
      ...adapter,
      organizations: {
        ...adapter.organizations,
        async get(id: string, options: CallOptions) {
          try {
            return await (adapter.organizations?.get?.(id, options) ?? Promise.reject(new Error('no get')));
          } catch (error) {
            if (OrgPortError.is(error, 'not_found')) throw new Error('HTTP 404');
            throw error;
          }
        },
      },
    }),
  },
  'lists every member as an admin': {
    caughtBy: /admins\.list returns only admins/,
    mutate: (adapter) => ({ ...adapter, admins: { ...adapter.admins, list: innerList(adapter) } }),
  },
  'fails when a member is added twice': {
    caughtBy: /members\.add is idempotent/,
    mutate: (adapter) =>
      withMembers(adapter, {
        async add(organizationId, userIds, options) {
          const current = adapter.store.memberships.get(organizationId);
          if (userIds.some((id) => current?.has(id)))
            throw new OrgPortError('already_exists', 'already a member');
          return adapter.members?.add?.(organizationId, userIds, options);
        },
      }),
  },
  'adds grants instead of replacing them': {
    caughtBy: /permissions\.set replaces the grants/,
    mutate: (adapter) => ({
      ...adapter,
      permissions: {
        ...adapter.permissions,
        async set(organizationId, userId, grants, options) {
          const held = (await adapter.permissions?.grants?.(organizationId, userId, options)) ?? [];
          const kept = held.map((g) => ({ scope: g.scope, groupId: g.group.id }));
          const merged = [
            ...kept.filter((k) => !grants.some((g) => JSON.stringify(g.scope) === JSON.stringify(k.scope))),
            ...grants,
          ];
          return adapter.permissions?.set?.(organizationId, userId, merged, options);
        },
      },
    }),
  },
  'declares a capability but throws unsupported from it': {
    caughtBy: /connections\.enable enables a tenant connection/,
    mutate: (adapter) => ({
      ...adapter,
      connections: {
        ...adapter.connections,
        enable: async () => Promise.reject(new OrgPortError('unsupported', 'not really')),
      },
    }),
  },
  'lists admins from one members page, without following the cursor': {
    caughtBy: /admins\.list finds every holder past the first pages/,
    mutate: (adapter) => adminsFromMemberPages(adapter, false),
  },
  'ends an admin list on an empty filtered page that has a next cursor': {
    caughtBy: /admins\.list finds every holder past the first pages/,
    mutate: (adapter) => adminsFromMemberPages(adapter, true),
  },
  'drops the organizations of a user past the first page': {
    caughtBy: /members\.organizationsOf follows every page/,
    mutate: (adapter) =>
      withMembers(adapter, {
        async organizationsOf(userId, options) {
          const page = await (adapter.members?.organizationsOf?.(userId, options) ??
            Promise.reject(new Error('no organizationsOf')));
          return { items: page.items };
        },
      }),
  },
  'lists no organizations for an unknown user instead of failing': {
    caughtBy: /members\.organizationsOf of an unknown user fails with not_found/,
    mutate: (adapter) =>
      withMembers(adapter, {
        async organizationsOf(userId, options) {
          try {
            return await (adapter.members?.organizationsOf?.(userId, options) ??
              Promise.reject(new Error('no organizationsOf')));
          } catch (error) {
            if (OrgPortError.is(error, 'not_found')) return { items: [] };
            throw error;
          }
        },
      }),
  },
  "declares pagination 'none' but pages": {
    caughtBy: /pagination: the declared paging style/,
    mutate: (adapter) => ({
      ...adapter,
      capabilities: defineCapabilities({ ...adapter.capabilities, pagination: 'none' }),
    }),
  },
  'declares strong consistency but lists a new member only on the second read': {
    caughtBy: /consistency: strong means the next read sees a write/,
    mutate: (adapter) => {
      const list = innerList(adapter);
      const fresh = new Set<string>();
      return withMembers(adapter, {
        async add(organizationId, userIds, options) {
          for (const id of userIds) fresh.add(id);
          return adapter.members?.add?.(organizationId, userIds, options);
        },
        async list(organizationId, options) {
          const page = await list(organizationId, options);
          const items = page.items.filter((m) => !fresh.has(m.user.id));
          fresh.clear();
          return { ...page, items };
        },
      });
    },
  },
  "declares memberKinds 'none' while serving admins": {
    caughtBy: /memberKinds: 'none' declares no kind operations/,
    mutate: (adapter) => ({
      ...adapter,
      capabilities: defineCapabilities({ ...adapter.capabilities, memberKinds: 'none' }),
    }),
  },
  "declares rolesPerMember 'many' but keeps one organization role": {
    caughtBy: /rolesPerMember: 'many' means a member holds two organization roles/,
    mutate: (adapter) => ({
      ...adapter,
      permissions: {
        ...adapter.permissions,
        async set(organizationId, userId, grants, options) {
          const roles = grants.filter((g) => g.scope.type === 'organization');
          const kept = [...grants.filter((g) => g.scope.type !== 'organization'), ...roles.slice(-1)];
          return adapter.permissions?.set?.(organizationId, userId, kept, options);
        },
      },
    }),
  },
  "declares rolesPerMember 'one' but a second role joins the first": {
    caughtBy: /rolesPerMember: 'one' means a second role replaces the first/,
    mutate: (adapter) => ({
      ...adapter,
      capabilities: defineCapabilities({ ...adapter.capabilities, rolesPerMember: 'one' }),
      permissions: {
        ...adapter.permissions,
        async set(organizationId, userId, grants, options) {
          const held = (await adapter.permissions?.grants?.(organizationId, userId, options)) ?? [];
          const kept = held.map((grant) => ({ scope: grant.scope, groupId: grant.group.id }));
          return adapter.permissions?.set?.(organizationId, userId, [...kept, ...grants], options);
        },
      },
    }),
  },
  "declares invitationGrants 'many' but keeps the first grant": {
    caughtBy: /invitationGrants: 'many' means an invitation carries several grants/,
    mutate: (adapter) => ({
      ...adapter,
      invitations: {
        ...adapter.invitations,
        async create(organizationId, input, options) {
          const create = adapter.invitations?.create;
          if (!create) throw new Error('no invitations.create');
          return create(organizationId, { ...input, grants: input.grants?.slice(0, 1) }, options);
        },
      },
    }),
  },
  "declares kindsPerMember 'many' but a kind replaces the other": {
    caughtBy: /kindsPerMember: the kinds one member holds together/,
    mutate: (adapter) => {
      const exclusive = (port: 'admins' | 'billingManagers', other: 'admins' | 'billingManagers') => ({
        ...adapter[port],
        async grant(organizationId: string, userId: string, options: CallOptions) {
          await adapter[other]?.revoke?.(organizationId, userId, options);
          return adapter[port]?.grant?.(organizationId, userId, options);
        },
      });
      return {
        ...adapter,
        admins: exclusive('admins', 'billingManagers'),
        billingManagers: exclusive('billingManagers', 'admins'),
      };
    },
  },
  "declares kindsPerMember 'one' but holds both kinds": {
    caughtBy: /kindsPerMember: the kinds one member holds together/,
    mutate: (adapter) => ({
      ...adapter,
      capabilities: defineCapabilities({ ...adapter.capabilities, kindsPerMember: 'one' }),
    }),
  },
  'declares product scopes but lists no product groups': {
    caughtBy: /grantScopes: every declared scope lists its groups/,
    mutate: (adapter) => ({
      ...adapter,
      permissions: {
        ...adapter.permissions,
        async groups(scope, options) {
          if (scope?.type === 'product') return { items: [] };
          const groups = adapter.permissions?.groups;
          if (!groups) throw new Error('no permissions.groups');
          return groups(scope, options);
        },
      },
    }),
  },
  'returns an empty page with a next cursor before the members': {
    caughtBy: /members\.list never returns an empty page with a next cursor/,
    mutate: (adapter) => {
      const list = innerList(adapter);
      return withMembers(adapter, {
        async list(organizationId, options) {
          if (options.cursor === undefined) return { items: [], next: 'start' };
          return list(organizationId, {
            ...options,
            cursor: options.cursor === 'start' ? undefined : options.cursor,
          });
        },
      });
    },
  },
  'omits a capability it has, so the unsupported check fires on a working operation': {
    caughtBy: /products\.list fails with unsupported before any request when not declared/,
    mutate: (adapter) => ({
      ...adapter,
      // Declares products.list missing but keeps serving it: the facade still refuses it,
      // so this mutant must pass. It proves the unsupported tests run for undeclared operations.
      capabilities: defineCapabilities({ ...adapter.capabilities, 'products.list': false }),
    }),
  },
};

describe('the conformance suite proves itself', () => {
  it('passes every test on the memory adapter', async () => {
    const results = await suiteAgainst((adapter) => adapter);
    expect(failedNames(results)).toEqual([]);
    expect(results.filter((r) => r.outcome === 'passed').length).toBeGreaterThan(60);
  }, 60_000);

  for (const [label, { mutate, caughtBy }] of Object.entries(MUTANTS)) {
    if (label.startsWith('omits')) continue;
    it(`catches a memory adapter that ${label}`, async () => {
      const failed = failedNames(await suiteAgainst(mutate));
      expect(failed.length).toBeGreaterThan(0);
      expect(
        failed.some((name) => caughtBy.test(name)),
        `failed tests were: ${failed.join('; ')}`,
      ).toBe(true);
    }, 60_000);
  }

  it('runs the unsupported test for an operation the manifest leaves out', async () => {
    const { mutate, caughtBy } =
      MUTANTS['omits a capability it has, so the unsupported check fires on a working operation'] ?? {};
    if (!mutate || !caughtBy) throw new Error('mutant missing');
    const results = await suiteAgainst(mutate);
    expect(results.find((r) => caughtBy.test(r.name))?.outcome).toBe('passed');
    expect(results.find((r) => r.name.startsWith('products.list lists exactly'))?.outcome).toBe('skipped');
  }, 60_000);
});
