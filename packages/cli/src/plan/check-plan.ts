import type { Directory, GrantInput, Member, Organization } from '@orgport/core';
import { scopeKey } from '@orgport/core';
import type { MigrationOperation, MigrationPlan } from '@orgport/migrate';

/** Where one operation stands against the live target. */
export type OperationStanding =
  /** The target is as the plan saw it: apply will make this write. */
  | 'to do'
  /** The target already holds what the operation would make (apply finds it done, sends nothing). */
  | 'already done'
  /** The target moved since planning in a way this operation did not expect. */
  | 'changed';

/** One operation's standing, with why when it is not `to do`. */
export interface CheckedOperation {
  readonly operation: MigrationOperation;
  readonly standing: OperationStanding;
  readonly why?: string | undefined;
}

/** What the target holds now in one organization: members by user id and by email, pending invitations. */
interface OrganizationNow {
  readonly members: Map<string, Member>;
  readonly byEmail: Map<string, Member>;
  readonly invited: Set<string>;
}

const key = (grant: GrantInput) => `${scopeKey(grant.scope)}#${grant.groupId}`;
const lower = (text: string) => text.toLowerCase();

/**
 * Checks a saved plan against what the target holds **now**, writing nothing: reads each
 * organization the plan touches once (members with their grants and kinds, pending
 * invitations) and says, per operation, whether it is still to do, already done, or
 * changed since planning (a member's grants differ from what the plan saw, a member to
 * change is gone). Operations on organizations the plan creates are to do.
 */
export async function checkPlan(
  plan: MigrationPlan,
  target: Directory,
  signal?: AbortSignal,
): Promise<CheckedOperation[]> {
  const existingByName = new Map<string, Organization>();
  if (plan.operations.some((operation) => operation.type === 'create_organization'))
    for await (const organization of target.organizations.list({ signal }))
      existingByName.set(lower(organization.name), organization);
  const organizations = new Map<string, OrganizationNow>();
  const read = async (organizationId: string): Promise<OrganizationNow> => {
    const known = organizations.get(organizationId);
    if (known) return known;
    const now: OrganizationNow = { members: new Map(), byEmail: new Map(), invited: new Set() };
    for await (const member of target.members.list(organizationId, { signal })) {
      now.members.set(member.user.id, member);
      if (member.user.email) now.byEmail.set(lower(member.user.email), member);
    }
    if (target.supports('invitations.list'))
      for await (const invitation of target.invitations.list(organizationId, { signal }))
        if (!invitation.expired) now.invited.add(lower(invitation.email));
    organizations.set(organizationId, now);
    return now;
  };
  const checked: CheckedOperation[] = [];
  const planned = (operation: MigrationOperation, standing: OperationStanding, why?: string) =>
    checked.push({ operation, standing, ...(why ? { why } : {}) });
  // Members the plan itself adds: their later operations are to do, whatever the target holds.
  const addedByPlan = new Set(
    plan.operations.flatMap((operation) =>
      operation.type === 'add_member' ? [`${operation.organization.id}\u0000${operation.userId}`] : [],
    ),
  );
  for (const operation of plan.operations) {
    if (operation.type === 'create_organization') {
      const found = existingByName.get(lower(operation.organization.name));
      if (found) planned(operation, 'already done', 'the organization exists now');
      else planned(operation, 'to do');
      continue;
    }
    const organizationId = operation.organization.id;
    if (!organizationId) {
      planned(operation, 'to do');
      continue;
    }
    const now = await read(organizationId);
    if (operation.type === 'invite') {
      if (now.byEmail.has(lower(operation.email)))
        planned(operation, 'already done', 'the person is a member now');
      else if (now.invited.has(lower(operation.email)))
        planned(operation, 'already done', 'an invitation is pending now');
      else planned(operation, 'to do');
      continue;
    }
    const member = now.members.get(operation.userId);
    const addedHere = addedByPlan.has(`${organizationId}\u0000${operation.userId}`);
    switch (operation.type) {
      case 'add_member':
        if (member) planned(operation, 'already done', 'a member now');
        else planned(operation, 'to do');
        break;
      case 'remove_member':
        if (member) planned(operation, 'to do');
        else planned(operation, 'already done', 'no longer a member');
        break;
      case 'grant_kind':
      case 'revoke_kind': {
        if (!member) {
          if (addedHere) planned(operation, 'to do');
          else if (operation.type === 'revoke_kind') planned(operation, 'already done', 'no longer a member');
          else planned(operation, 'changed', 'no longer a member');
          break;
        }
        const holds = member.kinds.includes(operation.kind);
        if (holds === (operation.type === 'grant_kind'))
          planned(operation, 'already done', `${holds ? 'holds' : 'no longer holds'} ${operation.kind} now`);
        else planned(operation, 'to do');
        break;
      }
      case 'set_grants': {
        if (!member) {
          if (addedHere) planned(operation, 'to do');
          else planned(operation, 'changed', 'no longer a member');
          break;
        }
        const held = new Set(
          member.grants.map((grant) =>
            key({
              scope:
                grant.scope.type === 'organization'
                  ? { type: 'organization' }
                  : { type: 'product', productId: grant.scope.productId },
              groupId: grant.group.id,
            }),
          ),
        );
        const expected = new Set(operation.expected.map(key));
        const same = held.size === expected.size && [...held].every((grant) => expected.has(grant));
        if (
          operation.add.every((grant) => held.has(key(grant))) &&
          !operation.remove.some((grant) => held.has(key(grant)))
        )
          planned(operation, 'already done', 'holds the planned grants now');
        else if (same) planned(operation, 'to do');
        else
          planned(
            operation,
            'changed',
            `holds ${held.size} grant(s) now where the plan saw ${expected.size}: apply changes only the planned difference, and refuses a conflict`,
          );
        break;
      }
    }
  }
  return checked;
}
