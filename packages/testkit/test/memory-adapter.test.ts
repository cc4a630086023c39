import { createDirectory } from '@orgport/core';
import { createVirtualClock } from '@orgport/core/driver';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter, OrderedIndex } from '../src/index.js';

describe('memory adapter paging', () => {
  it('keeps a checkpoint cursor valid while members join and leave mid-walk', async () => {
    const adapter = createMemoryAdapter({ defaultPageSize: 10 });
    const org = adapter.store.addOrganization({ id: 'org_1', name: 'acme' });
    for (let n = 0; n < 30; n++) {
      adapter.store.addUser({ id: `u${n}` });
      adapter.store.membership(org.id, `u${n}`).kinds.add('member');
    }
    const directory = createDirectory(adapter);
    const seen: string[] = [];
    let pages = 0;
    for await (const page of directory.members.list(org.id).pages()) {
      seen.push(...page.items.map((m) => m.user.id));
      if (++pages === 1) {
        // u3 (already seen) leaves, u15 (not yet seen) leaves, u99 joins at the end.
        adapter.store.removeMembership(org.id, 'u3');
        adapter.store.removeMembership(org.id, 'u15');
        adapter.store.addUser({ id: 'u99' });
        adapter.store.membership(org.id, 'u99').kinds.add('member');
      }
    }
    expect(seen).toHaveLength(30);
    expect(seen).not.toContain('u15');
    expect(seen.at(-1)).toBe('u99');
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('OrderedIndex pages by sequence and survives deletes', () => {
    const index = new OrderedIndex();
    for (const key of ['a', 'b', 'c', 'd']) index.add(key);
    const first = index.page(0, 2);
    expect(first.keys).toEqual(['a', 'b']);
    index.delete('c');
    index.add('e');
    expect(index.page(first.last, 10).keys).toEqual(['d', 'e']);
    expect(index.hasAfter(index.page(first.last, 10).last)).toBe(false);
    index.add('a');
    expect(index.size).toBe(4);
  });
});

describe('memory adapter time', () => {
  it('dates invitations and expires them by its clock, not the wall clock', async () => {
    const clock = createVirtualClock(Date.parse('2030-01-01T00:00:00Z'));
    const adapter = createMemoryAdapter({ clock });
    const org = adapter.store.addOrganization({ id: 'org_1', name: 'acme' });
    const directory = createDirectory(adapter);
    const invitation = await directory.invitations.create(org.id, { email: 'a@example.com', ttlSeconds: 60 });
    expect([invitation.createdAt, invitation.expiresAt, invitation.expired]).toEqual([
      '2030-01-01T00:00:00.000Z',
      '2030-01-01T00:01:00.000Z',
      false,
    ]);
    clock.advance(60_000);
    expect((await directory.invitations.get(org.id, invitation.id)).expired).toBe(true);
  });
});
