import { createDirectory } from '@orgport/core';
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
