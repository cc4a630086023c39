import type { MigrationOperation, MigrationPlan } from '@orgport/migrate';
import { markdownText as md } from '../output/markdown-text.js';
import { planCounts } from './plan-counts.js';
import { describeOperation, groupLosses } from './render-plan.js';

/** Operations listed per organization in the report before "… and N more". */
const LISTED_PER_ORGANIZATION = 50;

/**
 * A plan as a Markdown review, for a person to read (or a pull request to hold) before
 * applying: totals, then per target organization what is added, changed, invited and
 * removed, with counts and the first operations; then per source organization what the
 * mapping loses, grouped by item and reason with counts and distinct examples. Every piece
 * of vendor text is escaped: a name cannot become a link, a heading or HTML.
 */
export function planReport(plan: MigrationPlan, planFile?: string): string {
  const counts = planCounts(plan.operations);
  const lines: string[] = [
    `# Migration plan ${md(plan.planId)}`,
    '',
    `${md(plan.source.vendor)} → ${md(plan.target.vendor)}, made ${md(plan.createdAt)}${planFile ? `, written to ${md(planFile)}` : ''}.`,
    `${plan.summary.organizations} source organization(s), ${plan.summary.members} member(s), ${plan.operations.length} operation(s), ${plan.losses.length} loss(es).`,
    '',
    '| | add | change | invite | remove |',
    '|---|---:|---:|---:|---:|',
    `| **all organizations** | ${counts.add} | ${counts.change} | ${counts.invite} | ${counts.remove} |`,
  ];
  const byOrganization = new Map<string, MigrationOperation[]>();
  for (const operation of plan.operations) {
    const key = operation.organization.id ?? `new:${operation.organization.name}`;
    const list = byOrganization.get(key) ?? [];
    list.push(operation);
    byOrganization.set(key, list);
  }
  for (const operations of byOrganization.values()) {
    const c = planCounts(operations);
    lines.push(
      `| ${md(operations[0]?.organization.name ?? '')} | ${c.add} | ${c.change} | ${c.invite} | ${c.remove} |`,
    );
  }
  const pending = plan.summary.pendingInvitations ?? 0;
  if (pending > 0)
    lines.push(
      '',
      `${pending} invitation(s) sent earlier are not yet accepted: their remaining groups and kinds follow once accepted (plan again then).`,
    );
  if (plan.operations.length === 0)
    lines.push('', 'No changes: the target already holds what the source grants.');

  for (const operations of byOrganization.values()) {
    const first = operations[0];
    if (!first) continue;
    const c = planCounts(operations);
    lines.push(
      '',
      `## ${md(first.organization.name)}${first.organization.id ? '' : ' (created by the plan)'}`,
      '',
      `${c.add} to add, ${c.change} to change, ${c.invite} to invite, ${c.remove} to remove.`,
      '',
    );
    for (const operation of operations.slice(0, LISTED_PER_ORGANIZATION))
      lines.push(`- \`${operation.type}\` ${md(describeOperation(operation))}`);
    if (operations.length > LISTED_PER_ORGANIZATION)
      lines.push(
        `- … and ${operations.length - LISTED_PER_ORGANIZATION} more (every one is in the plan file)`,
      );
  }

  lines.push('', '## What the mapping loses', '');
  if (plan.losses.length === 0) lines.push('Nothing: the mapping carries every role, group and kind.');
  const lossesBySource = new Map<string, MigrationPlan['losses'][number][]>();
  for (const loss of plan.losses) {
    const list = lossesBySource.get(loss.organization) ?? [];
    list.push(loss);
    lossesBySource.set(loss.organization, list);
  }
  for (const [organization, losses] of lossesBySource) {
    lines.push(
      `### Source organization ${md(organization)}`,
      '',
      '| severity | item | reason | count | examples |',
      '|---|---|---|---:|---|',
    );
    for (const group of groupLosses(losses))
      lines.push(
        `| ${group.severity === 'info' ? 'later' : group.severity} | ${md(group.item)} | ${md(group.reason)} | ${group.count} | ${group.examples.map(md).join(', ')} |`,
      );
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
