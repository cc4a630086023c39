import { describe, expect, it } from 'vitest';
import { defineCapabilities } from '../src/capabilities/define-capabilities.js';
import { hasCapability } from '../src/capabilities/has-capability.js';
import { OPERATIONS } from '../src/capabilities/operations.js';
import { requireCapabilities } from '../src/capabilities/require-capabilities.js';
import { assertAdapter } from '../src/directory/assert-adapter.js';
import { OrgPortError } from '../src/errors/orgport-error.js';

describe('defineCapabilities', () => {
  it('defaults every operation to false and graded values to their absent level', () => {
    const manifest = defineCapabilities({ 'members.list': true });
    expect(manifest['members.list']).toBe(true);
    for (const operation of OPERATIONS.filter((o) => o !== 'members.list'))
      expect(manifest[operation]).toBe(false);
    expect(manifest.pagination).toBe('none');
    expect(manifest.rolesPerMember).toBe('none');
    expect(manifest.consistency).toBe('strong');
  });

  it('is frozen', () => {
    const manifest = defineCapabilities({ pagination: 'checkpoint' });
    expect(Object.isFrozen(manifest)).toBe(true);
    expect(() => {
      (manifest as unknown as Record<string, unknown>)['members.list'] = true;
    }).toThrow(TypeError);
  });

  it('rejects unknown names and bad graded values', () => {
    expect(() => defineCapabilities({ 'members.lsit': true } as never)).toThrow(
      /Unknown capabilities: members.lsit/,
    );
    expect(() => defineCapabilities({ pagination: 'cursor' } as never)).toThrow(/pagination/);
    expect(() => defineCapabilities({ 'members.list': 'yes' } as never)).toThrow(
      /members.list must be a boolean/,
    );
  });
});

describe('requireCapabilities', () => {
  const adapter = {
    name: 'partial',
    capabilities: defineCapabilities({ 'members.list': true, rolesPerMember: 'one-per-product' }),
  };

  it('passes when everything is present, graded values included', () => {
    expect(() =>
      requireCapabilities(adapter, ['members.list', 'rolesPerMember', 'pagination']),
    ).not.toThrow();
    expect(hasCapability(adapter.capabilities, 'grantScopes')).toBe(false);
  });

  it('lists every missing capability in one unsupported error', () => {
    try {
      requireCapabilities(adapter, ['members.list', 'admins.list', 'organizations.create', 'grantScopes']);
      expect.unreachable();
    } catch (error) {
      expect(OrgPortError.is(error, 'unsupported')).toBe(true);
      expect((error as OrgPortError).message).toBe(
        'Adapter "partial" does not support: admins.list, organizations.create, grantScopes',
      );
      expect((error as OrgPortError).meta).toEqual({
        missing: ['admins.list', 'organizations.create', 'grantScopes'],
      });
    }
  });
});

describe('assertAdapter', () => {
  it('reports every declared operation that has no port method', () => {
    const adapter = {
      name: 'liar',
      capabilities: defineCapabilities({
        'members.list': true,
        'members.add': true,
        'admins.grant': true,
        'organizations.get': true,
      }),
      members: { list: async () => ({ items: [] }) },
    };
    // organizations.get could be emulated from organizations.list, but that is missing too.
    expect(() => assertAdapter(adapter)).toThrow(
      'Adapter "liar" declares capabilities it does not implement: organizations.get, members.add, admins.grant',
    );
  });

  it('accepts a declared operation the facade emulates from one the adapter implements', () => {
    const adapter = {
      name: 'lean',
      capabilities: defineCapabilities({
        'members.list': true,
        'admins.list': true,
        'organizations.list': true,
        'organizations.get': true,
      }),
      organizations: { list: async () => ({ items: [] }) },
      members: { list: async () => ({ items: [] }) },
    };
    expect(() => assertAdapter(adapter)).not.toThrow();
  });

  it('refuses adapters without a name', () => {
    expect(() => assertAdapter({ name: '', capabilities: defineCapabilities({}) })).toThrow(/adapter.name/);
  });
});

describe('operation table', () => {
  it('holds exactly the operations, each a call or a list with named, schema-checked arguments', async () => {
    const { OPERATION_TABLE } = await import('../src/operations/operation-table.js');
    const { OPERATIONS } = await import('../src/capabilities/operations.js');
    expect(Object.keys(OPERATION_TABLE).sort()).toEqual([...OPERATIONS].sort());
    for (const [operation, spec] of Object.entries(OPERATION_TABLE)) {
      expect(['call', 'list'], operation).toContain(spec.kind);
      for (const argument of spec.args) {
        expect(argument.name, operation).toMatch(/^[a-zA-Z]+$/);
        expect(typeof argument.schema.safeParse, operation).toBe('function');
      }
    }
  });
});
