import type { Adapter, PermissionGroup } from '@orgport/core';
import type { ConformanceHarness, HarnessContext } from '@orgport/testkit';
import type { ClerkStore } from './clerk-store.js';
import type { ClerkSimulator } from './start-clerk-simulator.js';

/** How a harness reaches a Clerk instance behind the adapter's back. */
export interface ClerkBackdoor {
  createOrganization(spec: { name: string; slug: string }): Promise<{ id: string }>;
  createUser(spec: { email: string; firstName?: string; lastName?: string }): Promise<{ id: string }>;
  createMembership(organizationId: string, userId: string, role: string): Promise<void>;
  /** Creates an organization role; undefined where the server has none (the emulator). */
  createRole(spec: { key: string; name: string }): Promise<void>;
  organization(id: string): Promise<{ id: string; name: string; slug: string } | undefined>;
  /** The membership's one role, or undefined. */
  membershipRole(organizationId: string, userId: string): Promise<string | undefined>;
  deleteOrganization(id: string): Promise<void>;
  deleteUser(id: string): Promise<void>;
  /** Requests the adapter has sent. */
  requests(): number;
}

/** A back door straight into the simulator's store. */
export function storeBackdoor(store: ClerkStore, requests: () => number): ClerkBackdoor {
  return {
    createOrganization: async (spec) => store.addOrganization(spec),
    createUser: async (spec) => store.addUser(spec),
    async createMembership(organizationId, userId, role) {
      store.addMembership(organizationId, userId, role);
    },
    async createRole({ key, name }) {
      store.addRole(key, name);
    },
    async organization(id) {
      const org = store.organizations.get(id);
      return org && { id: org.id, name: org.name, slug: org.slug };
    },
    membershipRole: async (organizationId, userId) =>
      store.memberships.get(organizationId)?.get(userId)?.role,
    async deleteOrganization(id) {
      store.deleteOrganization(id);
    },
    async deleteUser(id) {
      store.users.delete(id);
    },
    requests,
  };
}

/** Options of {@link clerkHarness}. */
export interface ClerkHarnessOptions {
  readonly backdoor: ClerkBackdoor;
  /** The adapter under test. */
  readonly adapter: Adapter;
  /** Role keys that make an admin; default `org:admin`. */
  readonly adminRole?: string;
  /** The plain member's role; default `org:member`. */
  readonly memberRole?: string;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * A conformance harness for the Clerk adapter over any Clerk-shaped server: seeding and
 * inspection go through a back door (the simulator's store, or the emulator's API with
 * another key), and `close()` removes what was seeded.
 */
export function clerkHarness(_context: HarnessContext, options: ClerkHarnessOptions): ConformanceHarness {
  const { backdoor } = options;
  const adminRole = options.adminRole ?? 'org:admin';
  const memberRole = options.memberRole ?? 'org:member';
  const made = { organizations: new Set<string>(), users: new Set<string>() };
  const { adapter } = options;
  const userOf = async (email: string, name?: string) => {
    const [firstName, ...rest] = (name ?? '').split(' ');
    const user = await backdoor.createUser({
      email,
      ...(firstName ? { firstName } : {}),
      ...(rest.length > 0 ? { lastName: rest.join(' ') } : {}),
    });
    made.users.add(user.id);
    return user;
  };
  return {
    adapter,
    requestCount: () => backdoor.requests(),
    seed: {
      async organization({ name, displayName }) {
        const org = await backdoor.createOrganization({ name: displayName ?? name, slug: name });
        made.organizations.add(org.id);
        return { id: org.id, name, ...(displayName ? { displayName } : { displayName: name }) };
      },
      async user({ email, name }) {
        const user = await userOf(email, name);
        return { id: user.id, email, ...(name ? { name } : {}) };
      },
      async member(organizationId, userId, spec = {}) {
        const role = spec.kinds?.includes('admin') ? adminRole : (spec.grants?.[0]?.groupId ?? memberRole);
        await backdoor.createMembership(organizationId, userId, role);
      },
      async members(organizationId, count, { emailPrefix }) {
        const users = [];
        for (let n = 0; n < count; n++) {
          const email = `${emailPrefix}-${n}@example.com`;
          const user = await userOf(email);
          await backdoor.createMembership(organizationId, user.id, memberRole);
          users.push({ id: user.id, email });
        }
        return users;
      },
      async role({ name }) {
        const key = `org:${slug(name)}`;
        await backdoor.createRole({ key, name });
        const group: PermissionGroup = { id: key, name, scope: { type: 'organization' } };
        return group;
      },
    },
    inspect: {
      async organization(organizationId) {
        const org = await backdoor.organization(organizationId);
        return org && { id: org.id, name: org.slug, displayName: org.name };
      },
      async membership(organizationId, userId) {
        const role = await backdoor.membershipRole(organizationId, userId);
        if (role === undefined) return undefined;
        const admin = role === adminRole;
        return {
          kinds: admin ? ['member', 'admin'] : ['member'],
          groupIds: admin || role === memberRole ? [] : [role],
        };
      },
    },
    async close() {
      for (const id of made.organizations) await backdoor.deleteOrganization(id).catch(() => undefined);
      for (const id of made.users) await backdoor.deleteUser(id).catch(() => undefined);
      await adapter.close?.();
    },
  };
}

/**
 * The conformance harness over our simulator, in the shape `runVendorConformance` takes:
 * seeding and inspection through the simulator's store.
 */
export function clerkSimulatorHarness(
  context: HarnessContext,
  options: { readonly target: ClerkSimulator; readonly adapter: Adapter },
): ConformanceHarness {
  const { target, adapter } = options;
  return clerkHarness(context, {
    backdoor: storeBackdoor(target.store, () => target.stats.requests),
    adapter,
  });
}
