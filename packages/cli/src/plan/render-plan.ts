import type { Loss, MigrationOperation, MigrationPlan } from '@orgport/migrate';
import { terminalSafe } from '../output/terminal-text.js';

const SYMBOL: Record<MigrationOperation['type'], string> = {
  create_organization: '+',
  add_member: '+',
  invite: '✉',
  set_grants: '~',
  grant_kind: '+',
  revoke_kind: '-',
  remove_member: '-',
};

function describe(operation: MigrationOperation): string {
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

/** Losses grouped by what and why, largest first, with a few example members. */
export function groupLosses(
  losses: readonly Loss[],
): { item: string; reason: string; severity: Loss['severity']; count: number; examples: string[] }[] {
  const groups = new Map<
    string,
    { item: string; reason: string; severity: Loss['severity']; count: number; examples: string[] }
  >();
  for (const loss of losses) {
    // "…; Web keeps Developers" details stay in the JSON plan; the report groups by the rule.
    const reason = loss.reason.split(';')[0] ?? loss.reason;
    const key = `${loss.severity}\u0000${loss.item}\u0000${reason}`;
    const group = groups.get(key) ?? {
      item: loss.item,
      reason,
      severity: loss.severity,
      count: 0,
      examples: [],
    };
    group.count++;
    if (group.examples.length < 3)
      group.examples.push(loss.email ? `${loss.organization}/${loss.email}` : loss.organization);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

/** A Terraform-style rendering: operations (up to `limit`), totals, and the loss report. */
export function renderPlan(plan: MigrationPlan, limit = 20): string {
  const lines = [
    `Plan ${plan.planId}: ${plan.source.vendor} → ${plan.target.vendor}, ${plan.summary.organizations} organization(s), ${plan.summary.members} member(s)`,
    '',
  ];
  for (const operation of plan.operations.slice(0, limit))
    lines.push(`  ${SYMBOL[operation.type]} ${describe(operation)}`);
  if (plan.operations.length > limit)
    lines.push(`  … and ${plan.operations.length - limit} more (write them all with --out plan.json)`);
  if (plan.operations.length === 0)
    lines.push('  No changes: the target already holds what the source grants.');
  // Counted from the operations themselves, never from the file's own summary.
  const c = new Map<string, number>();
  for (const operation of plan.operations) c.set(operation.type, (c.get(operation.type) ?? 0) + 1);
  const n = (type: MigrationOperation['type']) => c.get(type) ?? 0;
  lines.push(
    '',
    `Plan: ${n('create_organization') + n('add_member') + n('grant_kind')} to add, ${n('set_grants')} to change, ${n('invite')} to invite, ${n('remove_member') + n('revoke_kind')} to remove.`,
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
      lines.push(
        `  [${tag}] ${group.item}: ${group.reason} — ${group.count}× (e.g. ${group.examples.join(', ')})`,
      );
    }
  }
  // Names, emails and reasons come from vendors: nothing reaches the terminal raw.
  return `${terminalSafe(lines.join('\n'))}\n`;
}
