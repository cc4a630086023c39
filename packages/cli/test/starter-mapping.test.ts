import { loadRoleMapping } from '@orgport/migrate';
import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../src/lists/catalog.js';
import { starterMapping } from '../src/mapping/starter-mapping.js';

const role = (name: string): CatalogEntry => ({ scope: 'organization', name, id: `r-${name}` });
const group = (product: string, name: string): CatalogEntry => ({
  scope: 'product',
  product,
  name,
  id: `${product}-${name}`,
});

describe('starterMapping', () => {
  it('maps names that match loosely, prefers a target role, leaves the rest for a person, carries kinds as kinds', () => {
    const starter = starterMapping(
      [role('viewer'), role('Release Manager'), role('editor'), role('admin'), group('Web', 'Viewers')],
      [group('Web', 'Viewers'), group('API', 'Viewers'), group('Web', 'release-managers'), role('viewer')],
    );
    expect(loadRoleMapping(starter.mapping).rules).toEqual([
      { from: { role: 'viewer' }, to: [{ role: 'viewer' }] },
      { from: { role: 'Release Manager' }, to: [{ product: '*', group: 'release-managers' }] },
      { from: { product: '*', group: 'Viewers' }, to: [{ role: 'viewer' }] },
    ]);
    expect(starter.unmatched.map((entry) => entry.name)).toEqual(['editor']);
    expect(starter.kinds.map((entry) => entry.name)).toEqual(['admin']);
  });
});
