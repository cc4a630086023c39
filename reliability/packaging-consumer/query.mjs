// An ES module user of the packed packages: the admins of every organization of a seeded
// local Auth0, through the portable Directory.
import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createDirectory } from '@orgport/core';
import { startAuth0Simulator } from '@orgport/simulator-auth0';

const simulator = await startAuth0Simulator({
  rateLimit: false,
  fixtures: { seed: 7, organizations: 3, membersPerOrg: 20 },
});
try {
  const directory = createDirectory(
    createAuth0Adapter({
      baseUrl: simulator.url,
      clientId: simulator.clientId,
      clientSecret: simulator.clientSecret,
    }),
  );
  const organizations = await directory.organizations.list().toArray();
  let admins = 0;
  for (const organization of organizations) admins += await directory.admins.list(organization.id).count();
  console.log(JSON.stringify({ module: 'esm', organizations: organizations.length, admins }));
} finally {
  await simulator.close();
}
