import type { Fixtures } from '@orgport/simulator-kit';
import type { Auth0Store } from './auth0-store.js';

/** Role names the seeded tenant uses for the admin and billing-manager kinds (the adapter's defaults). */
export const AUTH0_KIND_ROLES = { admin: 'admin', billing_manager: 'billing_manager' } as const;

/**
 * Fills an Auth0 store from fixtures: tenant roles (the fixture roles plus `admin` and
 * `billing_manager`), a database connection enabled everywhere, organizations, users and
 * memberships with their roles.
 */
export function seedAuth0Store(store: Auth0Store, data: Fixtures): void {
  const roleIds = new Map<string, string>();
  for (const name of [...data.roles, AUTH0_KIND_ROLES.admin, AUTH0_KIND_ROLES.billing_manager]) {
    roleIds.set(name, store.addRole(name, `${name} of the organization`).id);
  }
  const database = store.addConnection('Username-Password-Authentication', 'auth0');
  store.addConnection('google-oauth2', 'google-oauth2');
  for (const fixture of data.organizations()) {
    const organization = store.addOrganization({ name: fixture.name, display_name: fixture.displayName });
    store.enabledConnections.set(
      organization.id,
      new Map([
        [database.id, { assign_membership_on_login: false, show_as_button: true, is_signup_enabled: false }],
      ]),
    );
    for (const member of data.members(fixture.index)) {
      const userId = `auth0|${member.user.key}`;
      if (!store.users.has(userId))
        store.addUser({ user_id: userId, email: member.user.email, name: member.user.name });
      store.addMember(organization.id, userId);
      const roles = store.rolesOf(organization.id, userId);
      for (const name of member.roles) roles.add(roleIds.get(name) as string);
      if (member.kinds.includes('admin')) roles.add(roleIds.get(AUTH0_KIND_ROLES.admin) as string);
      if (member.kinds.includes('billing_manager'))
        roles.add(roleIds.get(AUTH0_KIND_ROLES.billing_manager) as string);
    }
  }
}
