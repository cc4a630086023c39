import { describe, expect, it } from 'vitest';
import { fixtures } from '../src/index.js';

describe('fixtures', () => {
  it('is deterministic for a seed and different for another', () => {
    const a = fixtures({ seed: 7, organizations: 2, membersPerOrg: 50 });
    const b = fixtures({ seed: 7, organizations: 2, membersPerOrg: 50 });
    const c = fixtures({ seed: 8, organizations: 2, membersPerOrg: 50 });
    expect([...a.members(1)]).toEqual([...b.members(1)]);
    expect([...a.members(1)].map((m) => m.user.email)).not.toEqual(
      [...c.members(1)].map((m) => m.user.email),
    );
    expect(a.organization(0)).toEqual(b.organization(0));
  });

  it('gives realistic, unique users within an organization and shares some across organizations', () => {
    const tenant = fixtures({ seed: 1, organizations: 3, membersPerOrg: 200, sharedMemberRatio: 0.1 });
    const orgMembers = [0, 1, 2].map((i) => [...tenant.members(i)]);
    for (const members of orgMembers) {
      expect(new Set(members.map((m) => m.user.email)).size).toBe(200);
      expect(new Set(members.map((m) => m.user.key)).size).toBe(200);
    }
    const shared = orgMembers[0]?.filter((m) => orgMembers[1]?.some((n) => n.user.key === m.user.key));
    expect(shared).toHaveLength(20);
    expect(tenant.totalUsers).toBe(20 + 3 * 180);
    const sample = orgMembers[0]?.[5]?.user;
    expect(sample?.name).toMatch(/^[A-Z][A-Za-z' -]+ [A-Z][A-Za-z' -]+$/);
    expect(sample?.email).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+\.\d+@example\.com$/);
    expect(sample?.key).toMatch(/^[0-9a-f]{24}$/);
  });

  it('always has an admin and a billing manager, and mostly plain members', () => {
    const members = [...fixtures({ seed: 3, organizations: 1, membersPerOrg: 1000 }).members(0)];
    expect(members[0]?.kinds).toContain('admin');
    expect(members[1]?.kinds).toContain('billing_manager');
    const admins = members.filter((m) => m.kinds.includes('admin')).length;
    expect(admins).toBeGreaterThan(1);
    expect(admins).toBeLessThan(100);
    expect(members.every((m) => m.kinds.includes('member') && m.roles.length >= 1)).toBe(true);
  });

  it('computes any member of a million directly', () => {
    const tenant = fixtures({ seed: 9, organizations: 1, membersPerOrg: 1_000_000 });
    expect(tenant.totalMembers).toBe(1_000_000);
    const last = tenant.member(0, 999_999);
    expect(last.memberIndex).toBe(999_999);
    expect(last.user.email).toContain('.999999@');
  });

  it('names organizations validly for Auth0', () => {
    const tenant = fixtures({ seed: 5, organizations: 50, membersPerOrg: 1 });
    const names = [...tenant.organizations()].map((o) => o.name);
    expect(new Set(names).size).toBe(50);
    for (const name of names) expect(name).toMatch(/^[a-z0-9_-]{1,50}$/);
  });

  it('rejects nonsense sizes', () => {
    expect(() => fixtures({ seed: 1, organizations: -1, membersPerOrg: 1 })).toThrow(RangeError);
    expect(() => fixtures({ seed: 1, organizations: 1, membersPerOrg: 1.5 })).toThrow(RangeError);
  });
});
