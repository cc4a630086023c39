import { describe, expect, it } from 'vitest';
import { toConnection, toInvitation, toOrganization } from '../src/wire/auth0-mapping.js';

// The Auth0 wire mappings held field by field (mutation testing: only the conformance
// suites reached them, so an optional field dropped or kept wrongly went unnoticed here).

describe('Auth0 wire → neutral model', () => {
  it('maps an organization with every optional field, and leaves absent ones absent', () => {
    expect(
      toOrganization({
        id: 'org_1',
        name: 'acme',
        display_name: 'Acme',
        metadata: { tier: 'gold' },
        branding: {
          logo_url: 'https://logo.example/a.png',
          colors: { primary: '#111', page_background: '#fff' },
        },
      }),
    ).toStrictEqual({
      id: 'org_1',
      name: 'acme',
      displayName: 'Acme',
      metadata: { tier: 'gold' },
      branding: {
        logoUrl: 'https://logo.example/a.png',
        colors: { primary: '#111', pageBackground: '#fff' },
      },
    });
    expect(toOrganization({ id: 'org_2', name: 'bare' })).toStrictEqual({ id: 'org_2', name: 'bare' });
    expect(toOrganization({ id: 'org_3', name: 'b', branding: {} })).toStrictEqual({
      id: 'org_3',
      name: 'b',
      branding: {},
    });
  });

  it('maps an enabled connection, with and without its optional fields', () => {
    expect(
      toConnection({
        connection_id: 'con_1',
        assign_membership_on_login: true,
        show_as_button: false,
        is_signup_enabled: true,
        connection: { name: 'Username-Password', strategy: 'auth0' },
      }),
    ).toStrictEqual({
      id: 'con_1',
      name: 'Username-Password',
      strategy: 'auth0',
      assignMembershipOnLogin: true,
      showAsButton: false,
      isSignupEnabled: true,
    });
    expect(toConnection({ connection_id: 'con_2', assign_membership_on_login: false })).toStrictEqual({
      id: 'con_2',
      assignMembershipOnLogin: false,
    });
  });

  it('maps an invitation: its own organization first, roles named, expiry judged against the given now', () => {
    const names = new Map([['rol_1', 'viewer']]);
    const now = Date.parse('2026-12-06T12:00:00.000Z');
    const past = new Date(now - 60_000).toISOString();
    const future = new Date(now + 3_600_000).toISOString();
    const full = toInvitation(
      {
        id: 'inv_1',
        organization_id: 'org_own',
        invitee: { email: 'a@example.com' },
        inviter: { name: 'Ada' },
        roles: ['rol_1'],
        created_at: past,
        expires_at: past,
        invitation_url: 'https://tenant.example/invite?x=1',
      },
      'org_asked',
      (id) => names.get(id) ?? id,
      now,
    );
    expect(full).toStrictEqual({
      id: 'inv_1',
      organizationId: 'org_own',
      email: 'a@example.com',
      inviterName: 'Ada',
      grants: [{ scope: { type: 'organization' }, group: { id: 'rol_1', name: 'viewer' } }],
      createdAt: past,
      expiresAt: past,
      expired: true,
      url: 'https://tenant.example/invite?x=1',
    });
    const bare = toInvitation(
      { id: 'inv_2', invitee: { email: 'b@example.com' }, expires_at: future },
      'org_asked',
      (id) => id,
      now,
    );
    expect(bare).toStrictEqual({
      id: 'inv_2',
      organizationId: 'org_asked',
      email: 'b@example.com',
      grants: [],
      expiresAt: future,
      expired: false,
    });
  });
});
