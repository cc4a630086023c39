import { describe, expect, it } from 'vitest';
import { toInvitation } from '../src/wire/cloud-org-mapping.js';

// The invitation mapping held field by field (mutation testing: a product scope mapped to
// `{}`, a dropped product name or expiry went unnoticed outside the conformance suites).
describe('cloud-org invitation mapping', () => {
  it('maps the one product group an invitation carries, with its optional fields', () => {
    const groupName = (id: number) => (id === 1201 ? 'Developers' : String(id));
    expect(
      toInvitation(
        {
          invitationId: 'inv-1',
          email: 'a@example.com',
          productId: 'prod-1',
          productName: 'Web',
          permissionGroupId: 1201,
          createdAt: '2026-12-01T00:00:00Z',
          expired: false,
          expires: '2026-12-08T00:00:00Z',
        },
        'org-1',
        groupName,
      ),
    ).toStrictEqual({
      id: 'inv-1',
      organizationId: 'org-1',
      email: 'a@example.com',
      grants: [
        {
          scope: { type: 'product', productId: 'prod-1', productName: 'Web' },
          group: { id: '1201', name: 'Developers' },
        },
      ],
      createdAt: '2026-12-01T00:00:00Z',
      expiresAt: '2026-12-08T00:00:00Z',
      expired: false,
    });
    expect(
      toInvitation(
        {
          invitationId: 'inv-2',
          email: null,
          productId: 'prod-2',
          productName: null,
          permissionGroupId: 7,
          createdAt: '2026-12-01T00:00:00Z',
          expired: true,
          expires: null,
        },
        'org-1',
        groupName,
      ),
    ).toStrictEqual({
      id: 'inv-2',
      organizationId: 'org-1',
      email: '',
      grants: [{ scope: { type: 'product', productId: 'prod-2' }, group: { id: '7', name: '7' } }],
      createdAt: '2026-12-01T00:00:00Z',
      expired: true,
    });
  });
});
