import { createDirectory } from '@orgport/core';
import { createMemoryAdapter } from '@orgport/testkit/memory';
import type { Command } from 'commander';

/**
 * `orgport demo`: until the vendor simulators land, it shows the memory reference
 * adapter's capabilities and a membership query through the portable facade.
 */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('run the orgport story on embedded, in-process vendors (no account needed)')
    .action(async () => {
      const adapter = createMemoryAdapter();
      const { store } = adapter;
      for (const [id, email] of [
        ['u_ada', 'ada@example.com'],
        ['u_grace', 'grace@example.com'],
        ['u_linus', 'linus@example.com'],
      ] as const) {
        store.addUser({ id, email });
      }
      const directory = createDirectory(adapter);
      const org = await directory.organizations.create({ name: 'acme', displayName: 'Acme Inc.' });
      await directory.members.add(org.id, ['u_ada', 'u_grace', 'u_linus']);
      await directory.admins.grant(org.id, 'u_ada');
      await directory.billingManagers.grant(org.id, 'u_grace');

      const enabled = Object.entries(directory.capabilities)
        .filter(([, value]) => value !== false)
        .map(([key, value]) => (value === true ? key : `${key}=${value}`));
      process.stdout.write(`Adapter "${directory.name}" supports:\n  ${enabled.join('\n  ')}\n\n`);
      process.stdout.write(`Members of ${org.displayName ?? org.name}:\n`);
      for await (const member of directory.members.list(org.id)) {
        process.stdout.write(`  ${member.user.email ?? member.user.id}  [${member.kinds.join(', ')}]\n`);
      }
      const admins = await directory.admins.list(org.id).toArray();
      process.stdout.write(`Admins: ${admins.map((m) => m.user.email).join(', ')}\n`);
    });
}
