import type { Member, Organization } from '@orgport/core';
import { OrgPortError } from '@orgport/core/errors';
import type { Command } from 'commander';
import { writeRows } from '../output/write-rows.js';
import { withDirectory } from './command-context.js';

const organizationRow = (org: Organization) => ({
  id: org.id,
  name: org.name,
  displayName: org.displayName ?? '',
});
const memberRow = (member: Member) => ({
  userId: member.user.id,
  email: member.user.email ?? '',
  name: member.user.name ?? '',
  kinds: member.kinds.join(' '),
  grants: member.grants
    .map((g) =>
      g.scope.type === 'product'
        ? `${g.scope.productName ?? g.scope.productId}/${g.group.name}`
        : g.group.name,
    )
    .join(' '),
});

/** `orgs list`, `orgs get`, `members list`, `user-orgs`. */
export function registerQueryCommands(program: Command): void {
  const orgs = program.command('orgs').description('organizations');
  orgs
    .command('list')
    .description('list every organization the connection can see')
    .action(async (_options, command: Command) =>
      withDirectory(command, async (directory, { output }) => {
        const all = await directory.organizations.list().toArray();
        await writeRows(process.stdout, output, all.map(organizationRow), all);
      }),
    );
  orgs
    .command('get <idOrName>')
    .description('show one organization, by id or by name')
    .action(async (idOrName: string, _options, command: Command) =>
      withDirectory(command, async (directory, { output }) => {
        let org: Organization;
        try {
          org = await directory.organizations.get(idOrName);
        } catch (error) {
          if (!OrgPortError.is(error, 'not_found') && !OrgPortError.is(error, 'invalid_argument'))
            throw error;
          org = await directory.organizations.getByName(idOrName);
        }
        await writeRows(process.stdout, output, [organizationRow(org)], [org]);
      }),
    );
  program
    .command('members')
    .description('members of an organization')
    .command('list <organizationId>')
    .option('--kind <kind>', 'only admin or billing_manager')
    .description('list the members, with kinds and grants')
    .action(async (organizationId: string, options: { kind?: string }, command: Command) =>
      withDirectory(command, async (directory, { output }) => {
        if (options.kind !== undefined && options.kind !== 'admin' && options.kind !== 'billing_manager') {
          throw new OrgPortError('invalid_argument', '--kind must be admin or billing_manager');
        }
        const list =
          options.kind === 'admin'
            ? directory.admins.list(organizationId)
            : options.kind === 'billing_manager'
              ? directory.billingManagers.list(organizationId)
              : directory.members.list(organizationId);
        if (output === 'ndjson') {
          // Stream: a line per member as pages arrive, whatever the size.
          for await (const member of list) process.stdout.write(`${JSON.stringify(member)}\n`);
          return;
        }
        const all = await list.toArray();
        await writeRows(process.stdout, output, all.map(memberRow), all);
      }),
    );
  program
    .command('user-orgs <userId>')
    .description('the organizations a user belongs to')
    .action(async (userId: string, _options, command: Command) =>
      withDirectory(command, async (directory, { output }) => {
        const all = await directory.members.organizationsOf(userId).toArray();
        await writeRows(process.stdout, output, all.map(organizationRow), all);
      }),
    );
}
