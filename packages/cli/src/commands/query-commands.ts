import type { Member, Organization } from '@orgport/core';
import { OrgPortError } from '@orgport/core/errors';
import type { Command } from 'commander';
import { findOrganization } from '../lists/find-organization.js';
import { parseLimit, takeLimited } from '../lists/list-limit.js';
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

const ORGANIZATIONS = ['organization', 'organizations'] as const;
const LIMIT = ['--limit <n>', 'show at most n records'] as const;

/** `orgs list`, `orgs get`, `members list`, `user-orgs`. */
export function registerQueryCommands(program: Command): void {
  const orgs = program.command('orgs').description('organizations: list, get');
  orgs
    .command('list')
    .description('list every organization the connection can see')
    .option(...LIMIT)
    .action(async (options: { limit?: string }, command: Command) => {
      const limit = parseLimit(options.limit);
      await withDirectory(command, async (directory, { output }) => {
        const { items, limited } = await takeLimited(directory.organizations.list(), limit);
        await writeRows(process.stdout, output, items.map(organizationRow), items, {
          noun: ORGANIZATIONS,
          limited,
        });
      });
    });
  orgs
    .command('get <idOrName>')
    .description('show one organization, by id or by name')
    .action(async (idOrName: string, _options, command: Command) =>
      withDirectory(command, async (directory, { output }) => {
        const org = await findOrganization(directory, idOrName);
        await writeRows(process.stdout, output, [organizationRow(org)], [org]);
      }),
    );

  const members = program.command('members').description('members of an organization: list');
  members
    .command('list <organization>')
    .option('--kind <kind>', 'only admin or billing_manager')
    .option(...LIMIT)
    .description('list the members of an organization (id or name), with kinds and grants')
    .action(async (organization: string, options: { kind?: string; limit?: string }, command: Command) => {
      if (options.kind !== undefined && options.kind !== 'admin' && options.kind !== 'billing_manager') {
        throw new OrgPortError('invalid_argument', '--kind must be admin or billing_manager');
      }
      const limit = parseLimit(options.limit);
      await withDirectory(command, async (directory, { output }) => {
        const { id } = await findOrganization(directory, organization);
        const list =
          options.kind === 'admin'
            ? directory.admins.list(id)
            : options.kind === 'billing_manager'
              ? directory.billingManagers.list(id)
              : directory.members.list(id);
        if (output === 'ndjson') {
          // Stream: a line per member as pages arrive, whatever the size.
          let written = 0;
          for await (const member of list) {
            if (limit !== undefined && written >= limit) break;
            process.stdout.write(`${JSON.stringify(member)}\n`);
            written++;
          }
          return;
        }
        const { items, limited } = await takeLimited(list, limit);
        const noun =
          options.kind === 'admin'
            ? (['admin', 'admins'] as const)
            : options.kind === 'billing_manager'
              ? (['billing manager', 'billing managers'] as const)
              : (['member', 'members'] as const);
        await writeRows(process.stdout, output, items.map(memberRow), items, { noun, limited });
      });
    });

  program
    .command('user-orgs <userId>')
    .description('the organizations a user belongs to')
    .option(...LIMIT)
    .action(async (userId: string, options: { limit?: string }, command: Command) => {
      const limit = parseLimit(options.limit);
      await withDirectory(command, async (directory, { output }) => {
        const { items, limited } = await takeLimited(directory.members.organizationsOf(userId), limit);
        await writeRows(process.stdout, output, items.map(organizationRow), items, {
          noun: ORGANIZATIONS,
          limited,
        });
      });
    });
}
