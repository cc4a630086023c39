import type { Loss, MigrationOperation, MigrationPlan } from '@orgport/migrate';
import { type Colours, coloursFor } from '../output/colour.js';
import { terminalSafe } from '../output/terminal-text.js';
import { planCounts } from './plan-counts.js';

const SYMBOL: Record<MigrationOperation['type'], string> = {
  create_organization: '+',
  add_member: '+',
  invite: '✉',
  set_grants: '~',
  grant_kind: '+',
  revoke_kind: '-',
  remove_member: '-',
};

/** One line about an operation, in plain words (vendor text not yet escaped). */
export function describeOperation(operation: MigrationOperation): string {
  const org = operation.organization.name;
  switch (operation.type) {
    case 'create_organization':
      return `create organization ${org}${operation.displayName ? ` ("${operation.displayName}")` : ''}`;
    case 'add_member':
      return `${org}: add member ${operation.email}`;
    case 'invite':
      return `${org}: invite ${operation.email}${operation.labels?.length ? ` into ${operation.labels.join(', ')}` : ''}`;
    case 'set_grants':
      return `${org}: ${operation.email} → ${operation.labels?.length ? operation.labels.join(', ') : '(no groups)'}`;
    case 'grant_kind':
      return `${org}: make ${operation.email} ${operation.kind.replace('_', ' ')}`;
    case 'revoke_kind':
      return `${org}: ${operation.email} no longer ${operation.kind.replace('_', ' ')}`;
    case 'remove_member':
      return `${org}: remove ${operation.email}`;
  }
}

/** Losses of one item for one reason: how many, and a few distinct examples. */
export interface LossGroup {
  readonly item: string;
  readonly reason: string;
  readonly severity: Loss['severity'];
  /** Losses in the group (one member may count more than once: once per product, say). */
  readonly count: number;
  /** Up to three distinct `organization/email` (or organization) examples. */
  readonly examples: readonly string[];
}

/** Losses grouped by what and why, largest first, each with up to three distinct examples. */
export function groupLosses(losses: readonly Loss[]): LossGroup[] {
  const groups = new Map<
    string,
    { item: string; reason: string; severity: Loss['severity']; count: number; examples: Set<string> }
  >();
  for (const loss of losses) {
    // "…; Web keeps Developers" details stay in the JSON plan; the report groups by the rule.
    const reason = loss.reason.split(';')[0] ?? loss.reason;
    const key = JSON.stringify([loss.severity, loss.item, reason]);
    let group = groups.get(key);
    if (!group) {
      group = { item: loss.item, reason, severity: loss.severity, count: 0, examples: new Set() };
      groups.set(key, group);
    }
    group.count++;
    if (group.examples.size < 3)
      group.examples.add(loss.email ? `${loss.organization}/${loss.email}` : loss.organization);
  }
  return [...groups.values()]
    .map((group) => ({ ...group, examples: [...group.examples] }))
    .sort((a, b) => b.count - a.count);
}

/** How {@link renderPlan} shows a plan. */
export interface RenderPlanOptions {
  /** Operations to list (default 20). */
  readonly limit?: number | undefined;
  /** Where the whole plan was written (`--out`): named instead of suggesting `--out`. */
  readonly writtenTo?: string | undefined;
  /** Colours (default: none). */
  readonly colours?: Colours | undefined;
}

const PLAIN = coloursFor({ isTTY: false });

/** A Terraform-style rendering: operations (up to `limit`), totals, and the loss report. */
export function renderPlan(plan: MigrationPlan, options: RenderPlanOptions = {}): string {
  const { limit = 20, writtenTo, colours = PLAIN } = options;
  // Names, emails and reasons come from vendors: each is escaped before it is coloured.
  const safe = terminalSafe;
  const paint: Record<MigrationOperation['type'], (text: string) => string> = {
    create_organization: colours.green,
    add_member: colours.green,
    invite: colours.green,
    set_grants: colours.yellow,
    grant_kind: colours.green,
    revoke_kind: colours.red,
    remove_member: colours.red,
  };
  const lines = [
    safe(
      `Plan ${plan.planId}: ${plan.source.vendor} → ${plan.target.vendor}, ${plan.summary.organizations} organization(s), ${plan.summary.members} member(s)`,
    ),
    '',
  ];
  for (const operation of plan.operations.slice(0, limit))
    lines.push(`  ${paint[operation.type](SYMBOL[operation.type])} ${safe(describeOperation(operation))}`);
  if (plan.operations.length > limit)
    lines.push(
      writtenTo
        ? `  … and ${plan.operations.length - limit} more (all in ${safe(writtenTo)}; review it with --report plan.md)`
        : `  … and ${plan.operations.length - limit} more (write them all with --out plan.json)`,
    );
  if (plan.operations.length === 0)
    lines.push('  No changes: the target already holds what the source grants.');
  const counts = planCounts(plan.operations);
  lines.push(
    '',
    `Plan: ${counts.add} to add, ${counts.change} to change, ${counts.invite} to invite, ${counts.remove} to remove.`,
  );
  const pending = plan.summary.pendingInvitations ?? 0;
  if (pending > 0)
    lines.push(
      `Pending: ${pending} invitation(s) not yet accepted; their remaining groups and kinds follow once accepted (plan again then).`,
    );
  const groups = groupLosses(plan.losses);
  if (groups.length === 0) {
    lines.push('Losses: none — the mapping carries every role, group and kind.');
  } else {
    lines.push('', `Losses (${plan.losses.length}): what the mapping cannot carry`);
    for (const group of groups) {
      const tag = group.severity === 'info' ? 'later' : group.severity;
      const painted = group.severity === 'warn' ? colours.yellow(`[${tag}]`) : colours.dim(`[${tag}]`);
      lines.push(
        `  ${painted} ${safe(`${group.item}: ${group.reason} — ${group.count}× (e.g. ${group.examples.join(', ')})`)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
