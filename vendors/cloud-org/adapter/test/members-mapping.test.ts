import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { toMembers } from '../src/wire/cloud-org-mapping.js';
import type { WireOrganizationMembers } from '../src/wire/cloud-org-wire-schemas.js';

type Document = z.infer<typeof WireOrganizationMembers>;

// Small pools, so users repeat across the three arrays and products and groups repeat
// across members, sometimes under other names: what the shared grants must get right.
const userId = fc.constantFrom('u1', 'u2', 'u3', 'u4');
const text = fc.option(fc.constantFrom('', 'Ada', 'ada@example.test', 'Zoë'), { nil: undefined });
const person = fc.record({ userId, fullName: text, email: text });
const permission = fc.record({
  product: fc.record({ productId: fc.constantFrom('p1', 'p2'), name: fc.constantFrom('Jira', 'Confluence') }),
  permissionGroup: fc.record({
    permissionGroupId: fc.constantFrom(1, 2, 3),
    name: fc.constantFrom('Developers', 'Viewers'),
  }),
});
const document: fc.Arbitrary<Document> = fc.record(
  {
    admins: fc.array(person, { maxLength: 4 }),
    billingManagers: fc.array(person, { maxLength: 4 }),
    members: fc.array(
      fc.record({
        userId,
        fullName: text,
        email: text,
        permissions: fc.option(fc.array(permission, { maxLength: 5 }), { nil: undefined }),
      }),
      { maxLength: 6 },
    ),
  },
  { requiredKeys: [] },
);

/** The mapping written the obvious way: for each user, look at every appearance. */
function oracle(wire: Document, organizationId: string) {
  const appearances = [
    ...(wire.admins ?? []).map((p) => ({ kind: 'admin', person: p, permissions: undefined })),
    ...(wire.billingManagers ?? []).map((p) => ({
      kind: 'billing_manager',
      person: p,
      permissions: undefined,
    })),
    ...(wire.members ?? []).map((p) => ({ kind: 'member', person: p, permissions: p.permissions })),
  ];
  const order: string[] = [];
  for (const { person } of appearances) if (!order.includes(person.userId)) order.push(person.userId);
  return order.map((id) => {
    const mine = appearances.filter((a) => a.person.userId === id);
    const first = (mine[0] as (typeof mine)[number]).person;
    return {
      user: {
        id,
        ...(first.email ? { email: first.email } : {}),
        ...(first.fullName ? { name: first.fullName } : {}),
      },
      organizationId,
      kinds: ['member', 'admin', 'billing_manager'].filter((kind) => mine.some((a) => a.kind === kind)),
      roles: [],
      grants: mine.flatMap((a) =>
        (a.permissions ?? []).map((p) => ({
          scope: { type: 'product', productId: p.product.productId, productName: p.product.name },
          group: { id: String(p.permissionGroup.permissionGroupId), name: p.permissionGroup.name },
        })),
      ),
    };
  });
}

describe('cloud-org members mapping', () => {
  it('gives what the obvious mapping gives, for generated documents with repeats and renames', () => {
    fc.assert(
      fc.property(document, (wire) => {
        // toMembers consumes the document it is given (a fresh response): the oracle reads a copy.
        const expected = oracle(structuredClone(wire), 'org');
        expect(toMembers(wire, 'org')).toStrictEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('maps as the oracle does when many products branch from one place (the indexed trie node)', () => {
    const permissionOf = (product: number, group: number, renamed = false) => ({
      product: { productId: `p${product}`, name: renamed ? `Renamed ${product}` : `Product ${product}` },
      permissionGroup: { permissionGroupId: group, name: 'Developers' },
    });
    // 40 members whose first permission differs (40 edges from the root), each listed twice
    // over, plus members that reuse a product id under another name.
    const members = Array.from({ length: 120 }, (_, n) => ({
      userId: `u${n}`,
      permissions: [permissionOf(n % 40, n % 3, n >= 80 && n % 2 === 0), permissionOf((n + 1) % 40, 1)],
    }));
    const wire = { members };
    const expected = oracle(structuredClone(wire), 'org');
    const mapped = toMembers(wire, 'org');
    expect(mapped).toStrictEqual(expected);
  });

  it('shares one frozen grant between members holding the same product group', () => {
    const grant = {
      product: { productId: 'p1', name: 'Jira' },
      permissionGroup: { permissionGroupId: 7, name: 'Dev' },
    };
    const [a, b] = toMembers(
      {
        members: [
          { userId: 'a', permissions: [grant] },
          { userId: 'b', permissions: [{ ...grant }] },
        ],
      },
      'org',
    );
    expect(a?.grants[0]).toBe(b?.grants[0]);
    expect(Object.isFrozen(a?.grants[0]?.scope)).toBe(true);
  });
});
