// A CommonJS user of the packed packages: require() of the ES modules (Node.js >= 20.19).
const { createAuth0Adapter } = require('@orgport/adapter-auth0');
const { createDirectory, OrgPortError } = require('@orgport/core');
const { startAuth0Simulator } = require('@orgport/simulator-auth0');

async function main() {
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
    const missing = await directory.organizations.get('org_missing').catch((error) => error);
    console.log(
      JSON.stringify({
        module: 'cjs',
        organizations: organizations.length,
        notFound: OrgPortError.is(missing, 'not_found'),
      }),
    );
  } finally {
    await simulator.close();
  }
}
main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
