import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { DEMO_MAPPING } from '@orgport/cli';
import { createDirectory } from '@orgport/core';
import { applyMigration, planMigration, type RoleMappingInput, snapshot } from '@orgport/migrate';
import { startAuth0Simulator } from '@orgport/simulator-auth0';
import { seedHalfOnboarded, startCloudOrgSimulator } from '@orgport/simulator-cloud-org';
import { fixtures } from '@orgport/testkit';
import { afterEach, describe, expect, it } from 'vitest';

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** Roles the demo mapping carries to a product group. */
const MAPPED_ROLES = new Set(
  (DEMO_MAPPING.rules ?? []).flatMap((rule) => ('role' in rule.from ? [rule.from.role] : [])),
);

describe('migration carries what it can and plans only what the target accepts', () => {
  it('invites admins who are new to the target into the group their roles map to (Auth0 → cloud-org)', async () => {
    const data = fixtures({ seed: 21, organizations: 3, membersPerOrg: 200 });
    const auth0 = await startAuth0Simulator({ seed: 21, fixtures: data });
    const cloud = await startCloudOrgSimulator({ seed: 21 });
    closers.push(auth0.close, cloud.close);
    seedHalfOnboarded(cloud, data);
    // Every other person the target lacks is an admin on Auth0 (about 5% of members).
    const present = new Set([...cloud.store.users.values()].map((user) => user.email.toLowerCase()));
    const adminRole = [...auth0.store.roles.values()].find((role) => role.name === 'admin');
    let newcomerIndex = 0;
    for (const organizationId of auth0.store.organizations.keys()) {
      for (const userId of auth0.store.memberIds(organizationId)) {
        const email = auth0.store.users.get(userId)?.email.toLowerCase() ?? '';
        if (!present.has(email) && newcomerIndex++ % 2 === 0 && adminRole)
          auth0.store.rolesOf(organizationId, userId).add(adminRole.id);
      }
    }
    const source = createDirectory(
      createAuth0Adapter({ baseUrl: auth0.url, clientId: auth0.clientId, clientSecret: auth0.clientSecret }),
    );
    const target = createDirectory(
      createCloudOrgAdapter({ baseUrl: cloud.url, username: cloud.username, password: cloud.password }),
    );
    closers.push(source.close, target.close);

    // Who should arrive by invitation: new to the target, with a role the mapping carries.
    const taken = await snapshot(source);
    const newcomers = taken.organizations.flatMap(({ organization, members }) =>
      members
        .filter((member) => member.user.email && !present.has(member.user.email.toLowerCase()))
        .filter((member) =>
          member.grants.some(
            (grant) => grant.scope.type === 'organization' && MAPPED_ROLES.has(grant.group.name),
          ),
        )
        .map((member) => ({ organization: organization.name, member })),
    );
    const admins = newcomers.filter(({ member }) => member.kinds.includes('admin'));
    expect(admins.length).toBeGreaterThan(5);

    const plan = await planMigration({ source: taken, target, mapping: DEMO_MAPPING });
    const invited = new Set(
      plan.operations.flatMap((operation) =>
        operation.type === 'invite' ? [operation.email.toLowerCase()] : [],
      ),
    );
    const missing = newcomers.filter(({ member }) => !invited.has(member.user.email?.toLowerCase() ?? ''));
    expect(missing.map(({ member }) => member.user.email)).toEqual([]);
    // Nobody whose roles map is reported lost; their admin kind follows the invitation.
    const lostMemberships = plan.losses.filter((loss) => loss.item === 'membership');
    expect(
      lostMemberships.filter((loss) => newcomers.some(({ member }) => member.user.email === loss.email)),
    ).toEqual([]);
    for (const { member } of admins) {
      expect(plan.losses).toContainEqual(
        expect.objectContaining({ email: member.user.email, item: 'kind admin', severity: 'info' }),
      );
    }

    const result = await applyMigration(plan, { target });
    expect([result.failed, result.blocked]).toEqual([[], []]);
    const pending = new Set(
      [...cloud.store.invitations.values()].map((invitation) => invitation.email.toLowerCase()),
    );
    for (const { member } of admins) expect(pending.has(member.user.email?.toLowerCase() ?? '')).toBe(true);
  });

  it('derives names the target accepts, resolves collisions deterministically, and applies every planned operation (cloud-org → Auth0)', async () => {
    const cloud = await startCloudOrgSimulator({ seed: 22 });
    const auth0 = await startAuth0Simulator({ seed: 22 });
    closers.push(auth0.close, cloud.close);
    const { store } = cloud;
    // Names Auth0 refuses as they are, two of which slug to the same name.
    for (const name of ['Fundamental Architecture', 'Fundamental  Architecture!', 'Ünïcode Société']) {
      const organization = store.addOrganization(name);
      store.membership(organization.organizationId, cloud.callerId).isAdmin = true;
      const product = store.addProduct(organization.organizationId, 'Web');
      const group = store.addGroup(product.productId, 'Developers');
      const user = store.addUser({
        email: `dev-${organization.organizationId}@example.com`,
        fullName: 'Dev',
      });
      store
        .membership(organization.organizationId, user.userId)
        .groups.set(product.productId, group.permissionGroupId);
      auth0.store.addUser({ email: user.email });
    }
    auth0.store.addRole('developer');
    const source = createDirectory(
      createCloudOrgAdapter({ baseUrl: cloud.url, username: cloud.username, password: cloud.password }),
    );
    const target = createDirectory(
      createAuth0Adapter({ baseUrl: auth0.url, clientId: auth0.clientId, clientSecret: auth0.clientSecret }),
    );
    closers.push(source.close, target.close);
    const mapping: RoleMappingInput = {
      unmapped: 'warn',
      rules: [{ from: { product: '*', group: 'Developers' }, to: [{ role: 'developer' }] }],
    };

    const plan = await planMigration({ source, target, mapping });
    const creates = plan.operations.flatMap((operation) =>
      operation.type === 'create_organization' ? [[operation.organization.name, operation.displayName]] : [],
    );
    // In source-name order ("Fundamental  Architecture!" sorts first), the first keeps the name.
    expect(creates.sort()).toEqual([
      ['fundamental-architecture', 'Fundamental  Architecture!'],
      ['fundamental-architecture-2', 'Fundamental Architecture'],
      ['unicode-societe', 'Ünïcode Société'],
    ]);
    // Planned again from scratch, the same names: the order of the source does not matter.
    const again = await planMigration({ source, target, mapping });
    expect(again.operations).toEqual(plan.operations);

    const result = await applyMigration(plan, { target });
    expect([result.failed, result.blocked]).toEqual([[], []]);
    expect(result.applied.length).toBe(plan.operations.length);
    const replan = await planMigration({ source, target, mapping });
    expect(replan.operations).toEqual([]);
  });

  it('reports an operation the target would refuse as a loss instead of planning it', async () => {
    const cloud = await startCloudOrgSimulator({ seed: 23 });
    const auth0 = await startAuth0Simulator({ seed: 23 });
    closers.push(auth0.close, cloud.close);
    const organization = cloud.store.addOrganization('Renamed Badly');
    cloud.store.membership(organization.organizationId, cloud.callerId).isAdmin = true;
    const source = createDirectory(
      createCloudOrgAdapter({ baseUrl: cloud.url, username: cloud.username, password: cloud.password }),
    );
    const target = createDirectory(
      createAuth0Adapter({ baseUrl: auth0.url, clientId: auth0.clientId, clientSecret: auth0.clientSecret }),
    );
    closers.push(source.close, target.close);
    // A rename the user chose, which Auth0 would refuse even after slugging: too long.
    const plan = await planMigration({
      source,
      target,
      mapping: { unmapped: 'warn', organizations: { rename: { 'Renamed Badly': 'x'.repeat(60) } } },
    });
    expect(plan.operations.filter((operation) => operation.type === 'create_organization')).toEqual([
      expect.objectContaining({ organization: { name: 'x'.repeat(50) } }),
    ]);
    expect(target.check('organizations.create', { name: 'Renamed Badly' })?.code).toBe('invalid_argument');
    expect(target.check('organizations.create', { name: 'renamed-badly' })).toBeUndefined();
  });
});
