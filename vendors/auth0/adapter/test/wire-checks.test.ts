import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { toMember } from '../src/wire/auth0-mapping.js';
import { checkMemberPage } from '../src/wire/auth0-wire-checks.js';
import { WireMember, wireList } from '../src/wire/auth0-wire-schemas.js';
import { MemberRoleSets } from '../src/wire/member-role-sets.js';

const KINDS = { admin: new Set(['admin']), billing_manager: new Set(['billing_manager']) };

// The in-place check must accept exactly what the zod schema accepts, and give the same
// members: generated values, valid and broken in every field, held to zod as the oracle.
const anyValue = fc.oneof(
  fc.string(),
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
);
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: anyValue });
const role = fc.record(
  { id: maybe(fc.string()), name: maybe(fc.string()), description: maybe(fc.option(fc.string())) },
  { requiredKeys: [] },
);
const member = fc.record(
  {
    user_id: maybe(fc.string()),
    email: maybe(fc.option(fc.string())),
    name: maybe(fc.option(fc.string())),
    picture: maybe(fc.option(fc.string())),
    roles: maybe(fc.option(fc.array(maybe(role), { maxLength: 3 }))),
    extra: fc.anything(),
  },
  { requiredKeys: ['user_id'] },
);
const page = fc.oneof(
  fc.array(maybe(member), { maxLength: 4 }),
  fc.record(
    {
      members: maybe(fc.option(fc.array(maybe(member), { maxLength: 4 }))),
      next: maybe(fc.string()),
      total: maybe(fc.nat()),
    },
    { requiredKeys: [] },
  ),
  anyValue,
);

describe('the in-place member list check', () => {
  it('accepts exactly what the zod schema accepts, and yields the same members', () => {
    const schema = wireList('members', WireMember);
    fc.assert(
      fc.property(page, (value) => {
        // JSON is what the check sees: round-trip the generated value as the wire would.
        const wire: unknown = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
        const fast = checkMemberPage(wire);
        const slow = schema.safeParse(wire);
        expect(fast !== undefined, JSON.stringify(wire)).toBe(slow.success);
        if (fast && slow.success) {
          expect([fast.next, fast.total]).toEqual([slow.data.next, slow.data.total]);
          const map = (items: readonly (typeof fast.items)[number][]) =>
            items.map((item) => toMember(item, 'org_1', new MemberRoleSets(KINDS)));
          expect(map(fast.items)).toEqual(map(slow.data.items));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
