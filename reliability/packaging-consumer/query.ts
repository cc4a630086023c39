// A strict TypeScript user of the packed packages, type-checked under node16, nodenext and
// bundler resolution: the portable types name themselves (Member, Organization).
import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createDirectory, type Directory, type Member, type Organization, OrgPortError } from '@orgport/core';
import { startAuth0Simulator } from '@orgport/simulator-auth0';

async function adminEmails(directory: Directory, organization: Organization): Promise<string[]> {
  const emails: string[] = [];
  for await (const admin of directory.admins.list(organization.id)) {
    const member: Member = admin;
    emails.push(member.user.email ?? member.user.id);
  }
  return emails;
}

export async function main(): Promise<number> {
  const simulator = await startAuth0Simulator({ rateLimit: false });
  try {
    const directory = createDirectory(
      createAuth0Adapter({
        baseUrl: simulator.url,
        clientId: simulator.clientId,
        clientSecret: simulator.clientSecret,
      }),
    );
    let count = 0;
    for await (const organization of directory.organizations.list())
      count += (await adminEmails(directory, organization)).length;
    return count;
  } catch (error) {
    if (OrgPortError.is(error, 'not_found')) return 0;
    throw error;
  } finally {
    await simulator.close();
  }
}
