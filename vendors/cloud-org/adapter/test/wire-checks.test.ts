import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toMembers } from '../src/wire/cloud-org-mapping.js';
import { checkOrganizationMembers } from '../src/wire/cloud-org-wire-checks.js';
import { WireOrganizationMembers } from '../src/wire/cloud-org-wire-schemas.js';

// The in-place check must accept exactly what zod accepts and give the same members:
// generated documents, valid and broken at every level, with zod as the oracle.
const anyValue = fc.oneof(
  fc.string(),
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
);
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 5, arbitrary: arb }, { weight: 1, arbitrary: anyValue });
const person = {
  userId: maybe(fc.string()),
  fullName: maybe(fc.option(fc.string())),
  email: maybe(fc.option(fc.string())),
  twoFactorEnabled: maybe(fc.option(fc.boolean())),
};
const permission = fc.record({
  product: maybe(
    fc.record({ productId: maybe(fc.string()), name: maybe(fc.string()) }, { requiredKeys: [] }),
  ),
  permissionGroup: maybe(
    fc.record(
      {
        permissionGroupId: maybe(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))),
        name: maybe(fc.string()),
      },
      { requiredKeys: [] },
    ),
  ),
});
const people = fc.option(fc.array(maybe(fc.record(person, { requiredKeys: ['userId'] })), { maxLength: 3 }));
const members = fc.option(
  fc.array(
    maybe(
      fc.record(
        { ...person, permissions: maybe(fc.option(fc.array(maybe(permission), { maxLength: 3 }))) },
        { requiredKeys: ['userId'] },
      ),
    ),
    { maxLength: 3 },
  ),
);
const document = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      { admins: maybe(people), billingManagers: maybe(people), members: maybe(members) },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: anyValue },
);

describe('the in-place members document check', () => {
  it('accepts exactly what the zod schema accepts, and yields the same members', () => {
    fc.assert(
      fc.property(document, (value) => {
        const wire: unknown = JSON.parse(JSON.stringify(value));
        const fast = checkOrganizationMembers(wire);
        const slow = WireOrganizationMembers.safeParse(wire);
        expect(fast !== undefined, JSON.stringify(wire)).toBe(slow.success);
        if (fast && slow.success) expect(toMembers(fast, 'o1')).toEqual(toMembers(slow.data, 'o1'));
      }),
      { numRuns: 2000 },
    );
  });
});
