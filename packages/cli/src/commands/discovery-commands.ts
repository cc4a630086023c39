import type { Command } from 'commander';
import { connectionCatalog, organizationRoles, productGroups } from '../lists/catalog.js';
import { findOrganization } from '../lists/find-organization.js';
import { parseLimit, takeLimited } from '../lists/list-limit.js';
import { type Row, writeRows } from '../output/write-rows.js';
import { withDirectory } from './command-context.js';

const LIMIT = ['--limit <n>', 'show at most n records'] as const;

/** The first `limit` entries of an array, and whether the limit cut it. */
const cut = <T>(items: readonly T[], limit: number | undefined) => ({
  items: limit === undefined ? [...items] : items.slice(0, limit),
  limited: limit !== undefined && items.length > limit,
});

/**
 * Discovery: what a connection offers a mapping (`roles list`, `groups list`,
 * `products list`) and who is invited (`invitations list`).
 */
export function registerDiscoveryCommands(program: Command): void {
  const roles = program.command('roles').description("a connection's organization roles: list");
  roles
    .command('list')
    .description('list the organization roles a mapping can name as { "role": … }')
    .option(...LIMIT)
    .action(async (options: { limit?: string }, command: Command) => {
      const limit = parseLimit(options.limit);
      await withDirectory(command, async (directory, { output }) => {
        const { items, limited } = cut(await organizationRoles(directory), limit);
        const rows: Row[] = items.map((role) => ({
          name: role.name,
          id: role.id,
          description: role.description,
        }));
        await writeRows(process.stdout, output, rows, items, { noun: ['role', 'roles'], limited });
      });
    });

  const groups = program
    .command('groups')
    .description('permission groups of products, as a mapping names them: list');
  groups
    .command('list [organization]')
    .description(
      'list { "product": …, "group": … } pairs a mapping can name: of one organization (id or name), or of every organization, each pair once',
    )
    .option(...LIMIT)
    .action(async (organization: string | undefined, options: { limit?: string }, command: Command) => {
      const limit = parseLimit(options.limit);
      await withDirectory(command, async (directory, { output }) => {
        const all =
          organization === undefined
            ? (await connectionCatalog(directory)).filter((entry) => entry.scope === 'product')
            : await productGroups(directory, (await findOrganization(directory, organization)).id);
        const { items, limited } = cut(all, limit);
        const rows: Row[] = items.map((group) => ({
          product: group.product,
          group: group.name,
          id: group.id,
        }));
        await writeRows(process.stdout, output, rows, items, { noun: ['group', 'groups'], limited });
      });
    });

  const products = program.command('products').description("an organization's products: list");
  products
    .command('list <organization>')
    .description('list the products of an organization (id or name)')
    .option(...LIMIT)
    .action(async (organization: string, options: { limit?: string }, command: Command) => {
      const limit = parseLimit(options.limit);
      await withDirectory(command, async (directory, { output }) => {
        const { id } = await findOrganization(directory, organization);
        const { items, limited } = await takeLimited(directory.products.list(id), limit);
        const rows: Row[] = items.map((product) => ({ id: product.id, name: product.name }));
        await writeRows(process.stdout, output, rows, items, { noun: ['product', 'products'], limited });
      });
    });

  const invitations = program
    .command('invitations')
    .description("an organization's pending invitations: list");
  invitations
    .command('list <organization>')
    .description('list the invitations of an organization (id or name), with the groups they grant')
    .option(...LIMIT)
    .action(async (organization: string, options: { limit?: string }, command: Command) => {
      const limit = parseLimit(options.limit);
      await withDirectory(command, async (directory, { output }) => {
        const { id } = await findOrganization(directory, organization);
        const { items, limited } = await takeLimited(directory.invitations.list(id), limit);
        const rows: Row[] = items.map((invitation) => ({
          id: invitation.id,
          email: invitation.email,
          grants: invitation.grants
            .map((g) =>
              g.scope.type === 'product'
                ? `${g.scope.productName ?? g.scope.productId}/${g.group.name}`
                : g.group.name,
            )
            .join(' '),
          expiresAt: invitation.expiresAt,
          expired: invitation.expired === true ? 'yes' : '',
        }));
        await writeRows(process.stdout, output, rows, items, {
          noun: ['invitation', 'invitations'],
          limited,
        });
      });
    });
}
