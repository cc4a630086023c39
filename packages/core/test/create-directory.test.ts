import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineCapabilities } from '../src/capabilities/define-capabilities.js';
import { createDirectory } from '../src/directory/create-directory.js';
import type { OperationEvent } from '../src/directory/operation-event.js';
import { OrgPortError } from '../src/errors/orgport-error.js';
import type { Adapter } from '../src/ports/adapter.js';

/** An adapter that records every port call and answers with fixed data. */
function recordingAdapter(
  capabilities = defineCapabilities({
    'organizations.get': true,
    'members.list': true,
    'members.add': true,
    'invitations.create': true,
    'permissions.set': true,
    'permissions.groups': true,
  }),
) {
  const calls: { method: string; args: unknown[] }[] = [];
  const record =
    (method: string, result: unknown) =>
    async (...args: unknown[]) => {
      calls.push({ method, args });
      if (result instanceof Error) throw result;
      return result;
    };
  // The recorder answers every method alike; the port types are stricter than it needs.
  const adapter = {
    name: 'recording',
    capabilities,
    organizations: { get: record('organizations.get', { id: 'org_1', name: 'acme' }) },
    members: {
      list: record('members.list', { items: [] }),
      add: record('members.add', undefined),
    },
    invitations: {
      create: record('invitations.create', { id: 'i', organizationId: 'org_1', email: 'a@b.co', grants: [] }),
    },
    permissions: {
      set: record('permissions.set', undefined),
      groups: record('permissions.groups', { items: [] }),
    },
  } as unknown as Adapter;
  return { adapter, calls };
}

const codeOf = async (promise: Promise<unknown>): Promise<string | undefined> =>
  promise.then(
    () => undefined,
    (error: unknown) => (OrgPortError.is(error) ? error.code : `not an OrgPortError: ${String(error)}`),
  );

describe('createDirectory: input validation before any request', () => {
  const badIds: readonly unknown[] = [
    '',
    '.',
    '..',
    'a/b',
    'a?b',
    'a#b',
    'a b',
    'tab\there',
    'x'.repeat(257),
    42,
    null,
    undefined,
    {},
  ];

  it.each(badIds.map((id) => [JSON.stringify(id) ?? String(id), id]))(
    'rejects organization id %s',
    async (_label, id) => {
      const { adapter, calls } = recordingAdapter();
      const directory = createDirectory(adapter);
      const error = await directory.organizations.get(id as string).catch((e: unknown) => e);
      expect(OrgPortError.is(error, 'invalid_argument')).toBe(true);
      expect((error as Error).message).toMatch(/^organizations\.get: organizationId/);
      expect(calls).toEqual([]);
    },
  );

  it('accepts unicode and vendor-style ids such as auth0|…', async () => {
    const { adapter, calls } = recordingAdapter();
    const directory = createDirectory(adapter);
    await directory.organizations.get('org_ünïcødé');
    await directory.members.add('org_1', ['auth0|63d1c0ffee', 'google-oauth2|123']);
    expect(calls.map((c) => c.args[0])).toEqual(['org_ünïcødé', 'org_1']);
  });

  it('rejects empty or malformed user id lists, naming the element', async () => {
    const { adapter, calls } = recordingAdapter();
    const directory = createDirectory(adapter);
    await expect(directory.members.add('org_1', [])).rejects.toThrow(
      'members.add: userIds: must not be empty',
    );
    await expect(directory.members.add('org_1', ['ok', ''])).rejects.toThrow(
      /members\.add: userIds\[1\]: must not be empty/,
    );
    await expect(directory.members.add('org_1', 'u1' as never)).rejects.toThrow(/userIds/);
    expect(calls).toEqual([]);
  });

  it('de-duplicates user ids before calling the adapter', async () => {
    const { adapter, calls } = recordingAdapter();
    await createDirectory(adapter).members.add('org_1', ['u1', 'u2', 'u1']);
    expect(calls[0]?.args[1]).toEqual(['u1', 'u2']);
  });

  it('rejects invalid invitation emails and unknown fields', async () => {
    const { adapter, calls } = recordingAdapter();
    const directory = createDirectory(adapter);
    await expect(directory.invitations.create('org_1', { email: 'not-an-email' })).rejects.toThrow(
      /input\.email/,
    );
    await expect(
      directory.invitations.create('org_1', { email: 'a@b.co', admin: true } as never),
    ).rejects.toThrow(/admin/);
    expect(calls).toEqual([]);
  });

  it('rejects malformed grants and scopes', async () => {
    const { adapter, calls } = recordingAdapter();
    const directory = createDirectory(adapter);
    await expect(
      directory.permissions.set('org_1', 'u1', [{ scope: { type: 'product' }, groupId: 'g' } as never]),
    ).rejects.toThrow(/grants\[0\]\.scope/);
    await expect(directory.permissions.groups({ type: 'team' } as never).toArray()).rejects.toThrow(
      /permissions\.groups: scope/,
    );
    expect(calls).toEqual([]);
  });

  it('rejects bad list options', async () => {
    const { adapter, calls } = recordingAdapter();
    const directory = createDirectory(adapter);
    await expect(directory.members.list('org_1', { pageSize: 0 }).toArray()).rejects.toThrow(
      /options\.pageSize/,
    );
    await expect(directory.members.list('org_1', { signal: 'stop' as never }).toArray()).rejects.toThrow(
      /options\.signal/,
    );
    expect(calls).toEqual([]);
  });
});

describe('createDirectory: capabilities', () => {
  it('fails with unsupported before any request for an undeclared operation', async () => {
    const { adapter, calls } = recordingAdapter();
    const directory = createDirectory(adapter);
    expect(await codeOf(directory.organizations.create({ name: 'acme' }))).toBe('unsupported');
    expect(await codeOf(directory.admins.list('org_1').toArray())).toBe('unsupported');
    expect(await codeOf(directory.connections.disable('org_1', 'con_1'))).toBe('unsupported');
    expect(calls).toEqual([]);
    expect(directory.supports('members.list')).toBe(true);
    expect(directory.supports('admins.list')).toBe(false);
  });

  it('refuses, at composition time, an adapter that declares what it lacks', () => {
    const { adapter } = recordingAdapter(
      defineCapabilities({ 'members.list': true, 'billingManagers.grant': true }),
    );
    expect(() => createDirectory(adapter)).toThrow(
      /declares capabilities it does not implement: billingManagers\.grant/,
    );
  });
});

describe('createDirectory: emulated operations', () => {
  const member = (id: string, kinds: string[]) => ({
    user: { id },
    organizationId: 'org_1',
    kinds,
    roles: [],
    grants: [],
  });
  // Three member pages; admins only on the last one, so the first two filter to nothing.
  const pages = new Map<string | undefined, { items: unknown[]; next?: string }>([
    [undefined, { items: [member('u1', ['member']), member('u2', ['member'])], next: 'p2' }],
    ['p2', { items: [member('u3', ['billing_manager'])], next: 'p3' }],
    ['p3', { items: [member('u4', ['member', 'admin']), member('u5', ['admin'])] }],
  ]);
  const lean = (): { adapter: Adapter; cursors: (string | undefined)[] } => {
    const cursors: (string | undefined)[] = [];
    const adapter = {
      name: 'lean',
      capabilities: defineCapabilities({
        'members.list': true,
        'admins.list': true,
        'billingManagers.list': true,
        'organizations.list': true,
        'organizations.get': true,
        'organizations.getByName': true,
        memberKinds: 'mapped',
      }),
      members: {
        list: async (_organizationId: string, { cursor }: { cursor?: string }) => {
          cursors.push(cursor);
          return pages.get(cursor) ?? { items: [] };
        },
      },
      organizations: {
        list: async ({ cursor }: { cursor?: string }) =>
          cursor === undefined
            ? { items: [{ id: 'org_1', name: 'one' }], next: 'o2' }
            : { items: [{ id: 'org_2', name: 'two' }] },
      },
    } as unknown as Adapter;
    return { adapter, cursors };
  };

  it('lists a kind from the member list, following pages that hold none of it', async () => {
    const { adapter, cursors } = lean();
    const directory = createDirectory(adapter);
    expect((await directory.admins.list('org_1').toArray()).map((m) => m.user.id)).toEqual(['u4', 'u5']);
    expect(cursors).toEqual([undefined, 'p2', 'p3']);
    expect((await directory.billingManagers.list('org_1').toArray()).map((m) => m.user.id)).toEqual(['u3']);
  });

  it('reads one item from its list, past the first page, and fails not_found when absent', async () => {
    const directory = createDirectory(lean().adapter);
    expect((await directory.organizations.get('org_2')).name).toBe('two');
    expect((await directory.organizations.getByName('two')).id).toBe('org_2');
    expect(await codeOf(directory.organizations.get('org_3'))).toBe('not_found');
  });
});

describe('createDirectory: graded capabilities', () => {
  const graded = (capabilities: Parameters<typeof defineCapabilities>[0]) => {
    const calls: string[] = [];
    const adapter = {
      name: 'graded',
      capabilities: defineCapabilities({
        'permissions.set': true,
        'invitations.create': true,
        ...capabilities,
      }),
      permissions: { set: async () => void calls.push('set') },
      invitations: {
        create: async () => {
          calls.push('create');
          return { id: 'i', organizationId: 'org_1', email: 'a@b.co', grants: [] };
        },
      },
    } as unknown as Adapter;
    return { directory: createDirectory(adapter), calls };
  };
  const product = (productId: string, groupId: string) => ({
    scope: { type: 'product' as const, productId },
    groupId,
  });
  const organization = (groupId: string) => ({ scope: { type: 'organization' as const }, groupId });

  it('refuses grants in a scope the vendor lacks, and two groups of one product, before any request', async () => {
    const { directory, calls } = graded({ grantScopes: 'product', rolesPerMember: 'one-per-product' });
    const wrongScope = await directory.permissions.set('org_1', 'u1', [organization('r1')]).catch((e) => e);
    expect(wrongScope.message).toMatch(
      /grants\[0\]\.scope: graded has no organization-scope permission groups/,
    );
    const twice = await directory.permissions
      .set('org_1', 'u1', [product('p1', 'g1'), product('p1', 'g2')])
      .catch((e) => e);
    expect(twice.message).toMatch(/at most one group per product \(product p1 has two\)/);
    await directory.permissions.set('org_1', 'u1', [product('p1', 'g1'), product('p2', 'g2')]);
    expect(calls).toEqual(['set']);
  });

  it('holds invitations to the grants the manifest allows', async () => {
    const one = graded({ grantScopes: 'product', invitationGrants: 'one' });
    expect(await codeOf(one.directory.invitations.create('org_1', { email: 'a@b.co' }))).toBe(
      'invalid_argument',
    );
    await one.directory.invitations.create('org_1', { email: 'a@b.co', grants: [product('p1', 'g1')] });
    const none = graded({ invitationGrants: 'none', grantScopes: 'organization' });
    expect(
      await codeOf(
        none.directory.invitations.create('org_1', { email: 'a@b.co', grants: [organization('r')] }),
      ),
    ).toBe('invalid_argument');
    expect([one.calls, none.calls]).toEqual([['create'], []]);
  });
});

describe('createDirectory: errors, tracing, abort', () => {
  it('wraps a foreign adapter error as internal, keeping the cause', async () => {
    const { adapter } = recordingAdapter();
    const broken: Adapter = {
      ...adapter,
      organizations: { get: async () => Promise.reject(new TypeError('bug')) },
    };
    const error = (await createDirectory(broken)
      .organizations.get('org_1')
      .catch((e: unknown) => e)) as OrgPortError;
    expect(error.code).toBe('internal');
    expect(error.vendor).toBe('recording');
    expect((error.cause as Error).message).toBe('bug');
  });

  it('passes OrgPortErrors through untouched', async () => {
    const { adapter } = recordingAdapter();
    const notFound = new OrgPortError('not_found', 'gone', { vendor: 'recording', status: 404 });
    const broken: Adapter = { ...adapter, organizations: { get: async () => Promise.reject(notFound) } };
    await expect(createDirectory(broken).organizations.get('org_1')).rejects.toBe(notFound);
  });

  it('reports each adapter call to onOperation', async () => {
    const { adapter } = recordingAdapter();
    const events: OperationEvent[] = [];
    const directory = createDirectory(adapter, { onOperation: (event) => events.push(event) });
    await directory.organizations.get('org_1');
    await directory.members.list('org_1').toArray();
    expect(events.map((e) => [e.phase, e.operation, e.phase === 'end' ? e.outcome : undefined])).toEqual([
      ['start', 'organizations.get', undefined],
      ['end', 'organizations.get', 'ok'],
      ['start', 'members.list', undefined],
      ['end', 'members.list', 'ok'],
    ]);
  });

  it('does not call the adapter when the signal has already fired', async () => {
    const { adapter, calls } = recordingAdapter();
    const controller = new AbortController();
    controller.abort();
    const directory = createDirectory(adapter);
    expect(await codeOf(directory.organizations.get('org_1', { signal: controller.signal }))).toBe(
      'cancelled',
    );
    expect(await codeOf(directory.members.list('org_1', { signal: controller.signal }).toArray())).toBe(
      'cancelled',
    );
    expect(calls).toEqual([]);
  });

  it('passes the signal and page size through to the port', async () => {
    const { adapter, calls } = recordingAdapter();
    const controller = new AbortController();
    await createDirectory(adapter, { pageSize: 25 })
      .members.list('org_1', { signal: controller.signal })
      .toArray();
    expect(calls[0]?.args[1]).toEqual({ cursor: undefined, pageSize: 25, signal: controller.signal });
  });
});

describe('createDirectory: the escape hatch', () => {
  it('unwrap() gives back the adapter itself, with its own type, and calls through it skip the facade', async () => {
    const { adapter, calls } = recordingAdapter();
    const extended = { ...adapter, vendorOnly: async (id: string) => `vendor says ${id}` };
    const directory = createDirectory(extended);
    expect(directory.unwrap()).toBe(extended);
    expectTypeOf(directory.unwrap().vendorOnly).toEqualTypeOf<(id: string) => Promise<string>>();
    expect(await directory.unwrap().vendorOnly('x')).toBe('vendor says x');
    expect(calls).toEqual([]);
  });
});
