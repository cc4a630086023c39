import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { toMember } from '../src/wire/auth0-mapping.js';
import type { WireMember } from '../src/wire/auth0-wire-schemas.js';
import { MemberRoleSets } from '../src/wire/member-role-sets.js';

const KINDS = { admin: new Set(['admin']), billing_manager: new Set(['billing manager']) };

// Small pools: members repeat role combinations (what the shared role sets serve) and a
// role id sometimes comes under another name or description (what they must not hide).
const role = fc.record({
  id: fc.constantFrom('rol_a', 'rol_b', 'rol_c'),
  name: fc.constantFrom('developer', 'Admin', 'billing manager', 'viewer'),
  description: fc.option(fc.constantFrom('', 'Writes code'), { nil: undefined }),
});
const member: fc.Arbitrary<z.infer<typeof WireMember>> = fc.record({
  user_id: fc.constantFrom('auth0|1', 'auth0|2', 'auth0|3'),
  email: fc.option(fc.constantFrom('', 'ada@example.test'), { nil: undefined }),
  name: fc.option(fc.constantFrom('', 'Ada'), { nil: null }),
  picture: fc.option(fc.constantFrom('https://example.test/a.png'), { nil: undefined }),
  roles: fc.option(fc.array(role, { maxLength: 3 }), { nil: undefined }),
});

/** The mapping written the obvious way, one member at a time. */
function oracle(wire: z.infer<typeof WireMember>, organizationId: string) {
  const kinds = new Set(['member']);
  const roles: { id: string; name: string; description?: string }[] = [];
  for (const r of wire.roles ?? []) {
    const lower = r.name.toLowerCase();
    if (KINDS.admin.has(lower)) kinds.add('admin');
    else if (KINDS.billing_manager.has(lower)) kinds.add('billing_manager');
    else roles.push({ id: r.id, name: r.name, ...(r.description ? { description: r.description } : {}) });
  }
  return {
    user: {
      id: wire.user_id,
      ...(wire.email ? { email: wire.email } : {}),
      ...(wire.name ? { name: wire.name } : {}),
      ...(wire.picture ? { picture: wire.picture } : {}),
    },
    organizationId,
    kinds: ['member', 'admin', 'billing_manager'].filter((kind) => kinds.has(kind)),
    roles,
    grants: roles.map((r) => ({ scope: { type: 'organization' }, group: { id: r.id, name: r.name } })),
  };
}

describe('Auth0 member mapping', () => {
  it('maps a page as the obvious per-member mapping does, with repeated and renamed roles', () => {
    fc.assert(
      fc.property(fc.array(member, { maxLength: 12 }), (page) => {
        const roleSets = new MemberRoleSets(KINDS);
        expect(page.map((wire) => toMember(wire, 'org_1', roleSets))).toStrictEqual(
          page.map((wire) => oracle(wire, 'org_1')),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('shares one frozen role list between members holding the same roles', () => {
    const roleSets = new MemberRoleSets(KINDS);
    const roles = [{ id: 'rol_a', name: 'developer' }];
    const a = toMember({ user_id: 'a', roles }, 'org_1', roleSets);
    const b = toMember(
      { user_id: 'b', roles: [{ ...roles[0] } as (typeof roles)[number]] },
      'org_1',
      roleSets,
    );
    expect(a.roles).toBe(b.roles);
    expect(a.grants).toBe(b.grants);
    expect(Object.isFrozen(a.grants[0]?.group)).toBe(true);
  });
});
