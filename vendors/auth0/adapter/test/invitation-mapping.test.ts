import { describe, expect, it } from 'vitest';
import { toInvitation } from '../src/wire/auth0-mapping.js';

describe('auth0 invitation mapping', () => {
  it("decides expiry by the client's clock, up to and including the expiry instant", () => {
    const wire = {
      id: 'uinv_1',
      invitee: { email: 'a@example.com' },
      expires_at: '2030-01-01T00:00:00.000Z',
    };
    const at = (iso: string) => toInvitation(wire, 'org_1', (id) => id, Date.parse(iso)).expired;
    expect(at('2029-12-31T23:59:59.999Z')).toBe(false);
    expect(at('2030-01-01T00:00:00.000Z')).toBe(true);
    expect(
      toInvitation({ id: 'uinv_2', invitee: { email: 'b@example.com' } }, 'org_1', (id) => id, 0),
    ).not.toHaveProperty('expired');
  });
});
