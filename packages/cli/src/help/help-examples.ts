import type { Command } from 'commander';

/**
 * One example per command, by its path (`orgs list`), shown under `Example:` in its
 * `--help`. Each runs as written against the simulators `orgport sim auth0` and
 * `orgport sim cloud-org` start (seed 1, their defaults). Kept in one table so that every
 * command has one (a test walks the tree) and the lines read alike.
 */
export const HELP_EXAMPLES: ReadonlyMap<string, string> = new Map([
  ['', 'orgport orgs list -c sim-auth0'],
  ['orgs', 'orgport orgs list -c sim-auth0'],
  ['orgs list', 'orgport orgs list -c sim-auth0 -o csv --limit 10'],
  ['orgs get', 'orgport orgs get user-centric-neural-net-0 -c sim-auth0'],
  ['members', 'orgport members list user-centric-neural-net-0 -c sim-auth0'],
  ['members list', 'orgport members list user-centric-neural-net-0 --kind admin -c sim-auth0'],
  [
    'user-orgs',
    'orgport user-orgs "$(orgport members list user-centric-neural-net-0 -c sim-auth0 -o csv --limit 1 | tail -1 | cut -d, -f1)" -c sim-auth0',
  ],
  ['roles', 'orgport roles list -c sim-auth0'],
  ['roles list', 'orgport roles list -c sim-auth0 -o json'],
  ['groups', 'orgport groups list -c sim-cloud-org'],
  ['groups list', 'orgport groups list "User-centric Neural-net" -c sim-cloud-org'],
  ['products', 'orgport products list "User-centric Neural-net" -c sim-cloud-org'],
  ['products list', 'orgport products list "User-centric Neural-net" -c sim-cloud-org'],
  ['invitations', 'orgport invitations list user-centric-neural-net-0 -c sim-auth0'],
  ['invitations list', 'orgport invitations list user-centric-neural-net-0 -c sim-auth0 -o csv'],
  ['mapping', 'orgport mapping init --from sim-auth0 --to sim-cloud-org'],
  ['mapping init', 'orgport mapping init --from sim-auth0 --to sim-cloud-org --out mapping.json'],
  ['capabilities', 'orgport capabilities cloud-org -o json'],
  ['export', 'orgport export -c sim-auth0 --out snapshot.ndjson'],
  [
    'plan',
    'orgport plan --from sim-auth0 --to sim-cloud-org --mapping mapping.json --out plan.json --report plan.md',
  ],
  ['migrate', 'orgport migrate --to sim-cloud-org --plan plan.json --journal run.ndjson'],
  ['worker', 'orgport worker --store postgres://orgport@db.internal/migrations --concurrency 4 --rate 40'],
  ['status', 'orgport status --journal run.ndjson'],
  ['sim', 'orgport sim cloud-org --orgs 5 --members 200'],
  ['demo', 'orgport demo --members 300'],
  ['new-adapter', 'orgport new-adapter acme-cloud'],
]);

/** The path of a command below the program: `orgs list`, `` for the program itself. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/**
 * Adds each command's example to its `--help`, and shows the global options
 * (`--connection`, `-o`, `--timeout`, …) in every subcommand's help.
 */
export function addHelpExamples(program: Command): void {
  const visit = (command: Command) => {
    command.configureHelp({ showGlobalOptions: true });
    const example = HELP_EXAMPLES.get(commandPath(command));
    if (example) command.addHelpText('after', `\nExample:\n  $ ${example}\n`);
    for (const child of command.commands) visit(child);
  };
  visit(program);
}
