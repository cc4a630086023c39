import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { createDirectory } from '@orgport/core';
import { createVirtualClock } from '@orgport/core/driver';
import { startAuth0Simulator } from '@orgport/simulator-auth0';
import { startCloudOrgSimulator } from '@orgport/simulator-cloud-org';
import { describe, expect, it } from 'vitest';

// Waits run on a virtual clock shared by simulator and client: injected 429s cost no real time.
const clock = createVirtualClock();
const http = { retry: { maxRetries: 8, baseDelayMs: 2, maxDelayMs: 20 }, clock };
// Faults before the handler (429, 5xx, reset before the body) and after it (reset mid-body:
// the write happened, the answer is lost) — the second kind is what makes retries unsafe.
const FAULTS = { seed: 77, rateLimit: 0.07, serverError: 0.07, reset: 0.1 };

describe('writes under faults end exactly as asked', () => {
  it('auth0: members, roles, kinds and organizations', async () => {
    const sim = await startAuth0Simulator({ seed: 31, clock });
    const { store } = sim;
    const org = store.addOrganization({ name: 'writes' });
    const roles = ['viewer', 'editor', 'admin'].map((name) => store.addRole(name));
    const users = Array.from({ length: 30 }, (_, n) => store.addUser({ email: `w${n}@example.com` }).user_id);
    const directory = createDirectory(
      createAuth0Adapter({ baseUrl: sim.url, clientId: sim.clientId, clientSecret: sim.clientSecret, http }),
    );
    sim.faults.configure(FAULTS);
    try {
      await directory.members.add(org.id, users);
      await directory.members.remove(org.id, users.slice(20));
      for (const [n, userId] of users.slice(0, 10).entries()) {
        await directory.permissions.set(org.id, userId, [
          { scope: { type: 'organization' }, groupId: roles[n % 2]?.id as string },
        ]);
      }
      for (const userId of users.slice(0, 4)) await directory.admins.grant(org.id, userId);
      await directory.admins.revoke(org.id, users[0] as string);
      const created = [];
      for (let n = 0; n < 6; n++) created.push(await directory.organizations.create({ name: `made-${n}` }));

      expect(sim.faults.total).toBeGreaterThan(5);
      expect(new Set(store.memberIds(org.id))).toEqual(new Set(users.slice(0, 20)));
      for (const [n, userId] of users.slice(0, 10).entries()) {
        const held = [...store.rolesOf(org.id, userId)].map((id) => store.roles.get(id)?.name).sort();
        const expected = [n % 2 === 0 ? 'viewer' : 'editor', ...(n >= 1 && n < 4 ? ['admin'] : [])].sort();
        expect(held).toEqual(expected);
      }
      for (let n = 0; n < 6; n++)
        expect([...store.organizations.values()].filter((o) => o.name === `made-${n}`)).toHaveLength(1);
      expect(created.map((o) => o.name)).toEqual(Array.from({ length: 6 }, (_, n) => `made-${n}`));
    } finally {
      await directory.close();
      await sim.close();
    }
  }, 60_000);

  it('cloud-org: permissions, kinds, removals and invitations', async () => {
    const sim = await startCloudOrgSimulator({ seed: 32, clock });
    const { store } = sim;
    const org = store.addOrganization('Writes Ltd');
    store.membership(org.organizationId, sim.callerId).isAdmin = true;
    const product = store.addProduct(org.organizationId, 'Web');
    const [dev, view] = ['Developers', 'Viewers'].map(
      (name) => store.addGroup(product.productId, name).permissionGroupId,
    );
    const users = Array.from({ length: 20 }, (_, n) => {
      const user = store.addUser({ email: `c${n}@example.com` });
      store.membership(org.organizationId, user.userId);
      return user.userId;
    });
    const directory = createDirectory(
      createCloudOrgAdapter({ baseUrl: sim.url, username: sim.username, password: sim.password, http }),
    );
    sim.faults.configure(FAULTS);
    try {
      for (const [n, userId] of users.entries()) {
        await directory.permissions.set(org.organizationId, userId, [
          { scope: { type: 'product', productId: product.productId }, groupId: String(n % 2 ? dev : view) },
        ]);
      }
      for (const userId of users.slice(0, 3))
        await directory.billingManagers.grant(org.organizationId, userId);
      await directory.members.remove(org.organizationId, users.slice(15));
      for (let n = 0; n < 5; n++) {
        await directory.invitations.create(org.organizationId, {
          email: `invitee${n}@example.com`,
          grants: [{ scope: { type: 'product', productId: product.productId }, groupId: String(dev) }],
        });
      }

      expect(sim.faults.total).toBeGreaterThan(5);
      const members = store.memberships.get(org.organizationId) as Map<
        string,
        { groups: Map<string, number>; isBillingManager: boolean }
      >;
      expect(new Set([...members.keys()].filter((id) => id !== sim.callerId))).toEqual(
        new Set(users.slice(0, 15)),
      );
      for (const [n, userId] of users.slice(0, 15).entries()) {
        expect(members.get(userId)?.groups.get(product.productId)).toBe(n % 2 ? dev : view);
        expect(members.get(userId)?.isBillingManager).toBe(n < 3);
      }
      const invited = [...store.invitations.values()].map((i) => i.email).sort();
      expect(invited).toEqual(Array.from({ length: 5 }, (_, n) => `invitee${n}@example.com`));
    } finally {
      await directory.close();
      await sim.close();
    }
  }, 60_000);
});
