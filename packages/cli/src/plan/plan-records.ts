import type { MigrationPlan } from '@orgport/migrate';
import type { OutputFormat } from '../output/output-format.js';
import { type Row, writeRows } from '../output/write-rows.js';

/**
 * `plan -o ndjson|csv`: one record per operation. NDJSON lines are the operations exactly as
 * the plan file holds them; CSV rows name each operation's organization, member and change.
 * (`-o json` prints the whole plan, losses included.)
 */
export async function writePlanRecords(
  plan: MigrationPlan,
  output: Exclude<OutputFormat, 'table' | 'json'>,
  out: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const rows: Row[] = plan.operations.map((operation) => ({
    id: operation.id,
    type: operation.type,
    organization: operation.organization.name,
    organizationId: operation.organization.id,
    email: 'email' in operation ? operation.email : undefined,
    kind: 'kind' in operation ? operation.kind : undefined,
    groups: 'labels' in operation ? operation.labels?.join(' ') : undefined,
  }));
  await writeRows(out, output, rows, plan.operations, {
    columns: ['id', 'type', 'organization', 'organizationId', 'email', 'kind', 'groups'],
  });
}
