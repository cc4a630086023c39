import { OrgPortError } from '@orgport/core';
import type { VendorSimulator } from '@orgport/core/driver';
import { fixtures as makeFixtures } from '@orgport/simulator-kit';
import type { ClerkStore } from './clerk-store.js';
import { startClerkSimulator } from './start-clerk-simulator.js';

/**
 * Fills a Clerk store from fixtures: organizations (slug = the fixture's name), users,
 * admins (`org:admin`) and, for everyone else, the first of their fixture roles as their
 * one role (`org:<role>`; Clerk holds one role per member).
 */
export function seedClerkStore(store: ClerkStore, data: ReturnType<typeof makeFixtures>): void {
  for (const role of data.roles) store.addRole(`org:${role}`, role);
  const userIds = new Map<number, string>();
  for (const fixture of data.organizations()) {
    const org = store.addOrganization({ name: fixture.displayName, slug: fixture.name });
    for (const member of data.members(fixture.index)) {
      let userId = userIds.get(member.user.index);
      if (userId === undefined) {
        const [firstName, ...rest] = member.user.name.split(' ');
        userId = store.addUser({
          id: `user_${member.user.key}`,
          email: member.user.email,
          firstName: firstName ?? null,
          lastName: rest.join(' ') || null,
        }).id;
        userIds.set(member.user.index, userId);
      }
      const role = member.kinds.includes('admin')
        ? 'org:admin'
        : member.roles[0] !== undefined
          ? `org:${member.roles[0]}`
          : 'org:member';
      store.addMembership(org.id, userId, role);
    }
  }
}

/** The Clerk simulator as the vendor registry starts it (`orgport sim clerk`). */
export const clerkVendorSimulator: VendorSimulator = {
  async start({ fixtures, port, preset }) {
    if (preset === 'half-onboarded')
      throw new OrgPortError('unsupported', 'the clerk simulator has no half-onboarded preset');
    const sim = await startClerkSimulator({ seed: fixtures.seed, port });
    seedClerkStore(sim.store, makeFixtures(fixtures));
    return {
      url: sim.url,
      stats: sim.stats,
      connection: { apiUrl: sim.url, secretKey: sim.secretKey },
      close: sim.close,
    };
  },
};
