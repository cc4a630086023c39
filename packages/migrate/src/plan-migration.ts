import type { Directory, GrantInput, Member, Organization } from '@orgport/core';
import { OrgPortError, throwIfAborted } from '@orgport/core';
import { grantKey, sameGrants, toGrantInput } from './grant-difference.js';
import type { SnapshotFile } from './load-snapshot.js';
import { mapMember, type TargetCatalog } from './map-member.js';
import type { Loss, MigrationOperation, MigrationPlan, OrganizationRef } from './migration-plan.js';
import { type NamedItem, NameIndex } from './name-index.js';
import { operationIdOf, type PlanContents, planIdOf, planNonce } from './operation-id.js';
import { verifyPlan } from './plan-schema.js';
import { loadRoleMapping, type RoleMapping, type RoleMappingInput } from './role-mapping.js';
import { selectOrganizations } from './select-organizations.js';
import type { Snapshot } from './snapshot-schema.js';
import { snapshot as takeSnapshot } from './take-snapshot.js';
import { keepAcceptedOperations } from './validate-plan.js';

/** Options of {@link planMigration}. */
export interface PlanMigrationOptions {
  /**
   * Where memberships come from: a live directory, a snapshot, or a snapshot file opened
   * for streaming (`openSnapshotFile`: members are read from the file one organization at
   * a time, never all in memory).
   */
  readonly source: Directory | Snapshot | SnapshotFile;
  /** Where they go; read live. */
  readonly target: Directory;
  /** How roles, groups and kinds translate. */
  readonly mapping: RoleMapping | RoleMappingInput;
  /** Only these source organizations (ids or names). */
  readonly organizations?: readonly string[] | undefined;
  /** Also remove target members (not admins) that the source does not have, and kinds it does not give. */
  readonly prune?: boolean | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Called after each organization is planned. */
  readonly onProgress?:
    | ((progress: { organizations: number; total: number; current: string }) => void)
    | undefined;
}

const isSnapshot = (source: Directory | Snapshot | SnapshotFile): source is Snapshot | SnapshotFile =>
  (source as Snapshot).format === 'orgport.snapshot';

/** A source organization with its members: from a snapshot, or streamed from a snapshot file. */
type SourceEntry = Snapshot['organizations'][number] | SnapshotFile['organizations'][number];

/** Members of a source organization: counted in a snapshot file, or the array's length. */
const memberCount = (entry: SourceEntry) =>
  'memberCount' in entry ? entry.memberCount : entry.members.length;
const lower = (text: string) => text.toLowerCase();

const withoutNul = (loss: Loss): Loss => ({
  organization: loss.organization.replaceAll('\u0000', '\uFFFD'),
  ...(loss.email === undefined ? {} : { email: loss.email.replaceAll('\u0000', '\uFFFD') }),
  item: loss.item.replaceAll('\u0000', '\uFFFD'),
  reason: loss.reason.replaceAll('\u0000', '\uFFFD'),
  severity: loss.severity,
});

/** The target's current grants as inputs. */
const currentGrants = (member: Member): GrantInput[] => member.grants.map(toGrantInput);

/** The difference between two grant lists: what `next` adds to and removes from `now`. */
function grantChange(now: readonly GrantInput[], next: readonly GrantInput[]) {
  const nowKeys = new Set(now.map(grantKey));
  const nextKeys = new Set(next.map(grantKey));
  return {
    add: next.filter((grant) => !nowKeys.has(grantKey(grant))),
    remove: now.filter((grant) => !nextKeys.has(grantKey(grant))),
    expected: [...now],
  };
}

/** Non-prune merge: the source sets each product it names and adds roles; the rest of the target stays. */
/** How many organization-scope grants a list holds. */
const organizationScoped = (grants: readonly GrantInput[]) =>
  grants.filter((grant) => grant.scope.type === 'organization').length;

function mergeGrants(current: readonly GrantInput[], wanted: readonly GrantInput[]): GrantInput[] {
  const wantedProducts = new Set(
    wanted.flatMap((grant) => (grant.scope.type === 'product' ? [grant.scope.productId] : [])),
  );
  const kept = current.filter(
    (grant) => grant.scope.type === 'organization' || !wantedProducts.has(grant.scope.productId),
  );
  const keys = new Set(kept.map(grantKey));
  return [...kept, ...wanted.filter((grant) => !keys.has(grantKey(grant)))];
}

/**
 * Plans a migration against what the target holds **now**: reads the source (directory or
 * snapshot) and the live target, maps every member with the role mapping, and returns the
 * writes that would make the target match — create organizations, add or invite members,
 * set grants, grant kinds (and, with `prune`, remove) — plus a loss report naming every
 * role, group or kind that cannot be carried and why. Only operations the target's
 * manifest supports are planned. Re-planning after a successful apply yields no operations.
 */
export async function planMigration(options: PlanMigrationOptions): Promise<MigrationPlan> {
  const { target, signal } = options;
  const mapping = loadRoleMapping(options.mapping as RoleMappingInput);
  const source = isSnapshot(options.source)
    ? options.source
    : await takeSnapshot(options.source, { organizations: options.organizations, signal });
  const sourceVendor = isSnapshot(options.source) ? options.source.source.vendor : options.source.name;
  const caps = target.capabilities;
  const operations: MigrationOperation[] = [];
  const losses: Loss[] = [];
  const severity = mapping.unmapped === 'skip' ? 'skip' : 'warn';
  let members = 0;
  let pendingCount = 0;

  const targetOrganizations = await target.organizations.list({ signal }).toArray();
  const hasOrganizationScope =
    caps.grantScopes === 'organization' || caps.grantScopes === 'organization+product';
  const organizationRoles = new NameIndex<NamedItem>();
  if (hasOrganizationScope && caps['permissions.groups']) {
    for await (const group of target.permissions.groups({ type: 'organization' }, { signal }))
      organizationRoles.add({ id: group.id, name: group.name });
  }

  // Renames are keyed by organization names, which come from the source: look them up as
  // own keys only (a source organization named "constructor" must not find a function).
  const renames = new Map(Object.entries(mapping.organizations.rename));
  const renamedTo = (organization: Organization): string | undefined =>
    renames.get(organization.name) ??
    (organization.displayName ? renames.get(organization.displayName) : undefined);

  const findTarget = (organization: Organization): Organization | undefined => {
    const renamed = renamedTo(organization);
    const wantedNames = renamed
      ? [renamed]
      : [organization.name, organization.displayName ?? organization.name];
    const { match } = mapping.organizations;
    const matching = (names: Set<string>) =>
      targetOrganizations.find(
        (candidate) =>
          ((match === 'name' || match === 'either') && names.has(lower(candidate.name))) ||
          ((match === 'displayName' || match === 'either') &&
            names.has(lower(candidate.displayName ?? candidate.name))),
      );
    // The names as given first; then the names the target would have derived for them
    // (e.g. the Auth0 slug an earlier run created).
    return (
      matching(new Set(wantedNames.map(lower))) ??
      matching(new Set(wantedNames.map((name) => lower(target.organizationName(name)))))
    );
  };

  // Names for the organizations the plan creates, in the form the target accepts,
  // decided up front in source-name order so that collisions resolve the same way
  // whatever order the source lists them in: the first keeps the name, the next get
  // `-2`, `-3`, …
  const creationNames = new Map<Organization, string>();
  const takenNames = new Set(targetOrganizations.map((organization) => lower(organization.name)));
  const toCreate = source.organizations
    .map((entry) => entry.organization)
    .filter((organization) => !findTarget(organization))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const organization of toCreate) {
    const base = target.organizationName(renamedTo(organization) ?? organization.name);
    let name = base;
    for (let n = 2; takenNames.has(lower(name)); n++) {
      const suffix = `-${n}`;
      name = target.organizationName(`${base.slice(0, Math.max(1, 50 - suffix.length))}${suffix}`);
      if (name === base) name = `${base}${suffix}`;
    }
    takenNames.add(lower(name));
    creationNames.set(organization, name);
  }

  // An unknown name in the selection is a mistake, not "no changes".
  const selected = selectOrganizations<SourceEntry>(
    source.organizations,
    (entry) => entry.organization,
    options.organizations,
    'the source',
  );
  let planned = 0;
  /** Source organization name of each planned target organization (by id, or `name:` when created). */
  const sourceNameOf = new Map<string, string>();
  for (const entry of selected) {
    const { organization, members: sourceMembers } = entry;
    throwIfAborted(signal, target.name);
    const existing = findTarget(organization);
    let ref: OrganizationRef;
    const recordSource = (planned: OrganizationRef) =>
      sourceNameOf.set(planned.id ?? `name:${planned.name}`, organization.name);
    if (existing) {
      ref = { id: existing.id, name: existing.name };
      recordSource(ref);
    } else if (caps['organizations.create']) {
      const wantedName = renamedTo(organization) ?? organization.name;
      ref = { name: creationNames.get(organization) ?? wantedName };
      recordSource(ref);
      // Where the target changed the name (a slug), the original is the display name.
      const displayName = organization.displayName ?? (ref.name !== wantedName ? wantedName : undefined);
      const fields = {
        type: 'create_organization' as const,
        organization: ref,
        ...(displayName === undefined ? {} : { displayName }),
      };
      operations.push({ ...fields, id: operationIdOf(fields) });
    } else {
      losses.push({
        organization: organization.name,
        item: `organization with ${memberCount(entry)} members`,
        reason: `the target has no organization named ${organization.displayName ?? organization.name} and cannot create one; create it there or add a rename`,
        severity,
      });
      planned++;
      options.onProgress?.({ organizations: planned, total: selected.length, current: organization.name });
      continue;
    }

    // What the target organization offers and holds now.
    const catalog: TargetCatalog = { roles: organizationRoles, products: new NameIndex() };
    const targetMembers = new Map<string, Member>();
    const pendingInvitations = new Set<string>();
    if (ref.id) {
      if (
        caps['products.list'] &&
        (caps.grantScopes === 'product' || caps.grantScopes === 'organization+product')
      ) {
        for await (const product of target.products.list(ref.id, { signal })) {
          const groups = new NameIndex<NamedItem>();
          for await (const group of target.permissions.groups(
            { type: 'product', productId: product.id },
            { signal },
          ))
            groups.add({ id: group.id, name: group.name });
          catalog.products.add({ id: product.id, name: product.name, groups });
        }
      }
      for await (const member of target.members.list(ref.id, { signal }))
        if (member.user.email) targetMembers.set(lower(member.user.email), member);
      if (caps['invitations.list']) {
        for await (const invitation of target.invitations.list(ref.id, { signal }))
          if (!invitation.expired) pendingInvitations.add(lower(invitation.email));
      }
    }

    // Human names of target groups, for the plan's display.
    const labelOf = new Map<string, string>();
    for (const role of organizationRoles.values()) labelOf.set(role.id, role.name);
    for (const product of catalog.products.values())
      for (const group of product.groups.values()) labelOf.set(group.id, `${product.name}/${group.name}`);
    const labels = (grants: readonly GrantInput[]) =>
      grants.map((grant) => labelOf.get(grant.groupId) ?? grant.groupId);

    const sourceEmails = new Set<string>();
    for await (const member of sourceMembers) {
      members++;
      const email = member.user.email;
      const loss = (item: string, reason: string, level: Loss['severity'] = severity) =>
        losses.push({
          organization: organization.name,
          ...(email ? { email } : {}),
          item,
          reason,
          severity: level,
        });
      if (!email) {
        loss(`member ${member.user.id}`, 'no email to match or invite on the target');
        continue;
      }
      if (member.status !== undefined && member.status !== 'active') {
        loss('membership', `the membership is ${member.status} on the source; not carried`);
        continue;
      }
      sourceEmails.add(lower(email));
      const mapped = mapMember(member, mapping, catalog, caps);
      for (const lost of mapped.losses) loss(lost.item, lost.reason);
      const op = <T extends Omit<MigrationOperation, 'id'>>(fields: T) =>
        operations.push({ ...fields, id: operationIdOf(fields) } as unknown as MigrationOperation);
      const present = targetMembers.get(lower(email));

      if (present) {
        const userId = present.user.id;
        for (const kind of mapped.kinds)
          if (!present.kinds.includes(kind))
            op({ type: 'grant_kind', organization: ref, userId, email, kind });
        if (options.prune) {
          for (const kind of ['admin', 'billing_manager'] as const) {
            const port = kind === 'admin' ? 'admins' : 'billingManagers';
            if (present.kinds.includes(kind) && !mapped.kinds.has(kind) && caps[`${port}.revoke`])
              op({ type: 'revoke_kind', organization: ref, userId, email, kind });
          }
        }
        const implicit =
          caps.grantsOfAdmins === 'implicit' &&
          (present.kinds.includes('admin') || mapped.kinds.has('admin'));
        if (!implicit && caps['permissions.set']) {
          const now = currentGrants(present);
          let next = options.prune ? [...mapped.grants] : mergeGrants(now, mapped.grants);
          if (caps.rolesPerMember === 'one' && organizationScoped(next) > 1) {
            // One role per member: the target's role stays; the source's is reported.
            for (const grant of mapped.grants)
              if (!now.some((held) => held.groupId === grant.groupId))
                loss(
                  `role ${labelOf.get(grant.groupId) ?? grant.groupId}`,
                  `the target allows one role per member and the member already holds ${labels(now).join(', ')}`,
                );
            next = now;
          }
          if (!sameGrants(now, next))
            op({
              type: 'set_grants',
              organization: ref,
              userId,
              email,
              grants: next,
              ...grantChange(now, next),
              labels: labels(next),
            });
        }
        continue;
      }

      let user: Awaited<ReturnType<Directory['users']['findByEmail']>> | undefined;
      if (caps['members.add'] && caps['users.findByEmail']) {
        // An email the target refuses (its own rules, or the vendor's 400) costs this member
        // alone, as a loss: it never aborts the plan.
        const refused = target.check('users.findByEmail', email);
        if (refused) {
          loss('membership', `the target refuses the email: ${refused.message}`);
          continue;
        }
        try {
          user = await target.users.findByEmail(email, { signal });
        } catch (error) {
          if (!OrgPortError.is(error, 'invalid_argument')) throw error;
          loss('membership', `the target refuses the email: ${error.message}`);
          continue;
        }
      }
      if (user) {
        op({ type: 'add_member', organization: ref, userId: user.id, email });
        if (mapped.grants.length > 0 && caps['permissions.set'])
          op({
            type: 'set_grants',
            organization: ref,
            userId: user.id,
            email,
            grants: mapped.grants,
            ...grantChange([], mapped.grants),
            labels: labels(mapped.grants),
          });
        for (const kind of mapped.kinds)
          op({ type: 'grant_kind', organization: ref, userId: user.id, email, kind });
        continue;
      }
      if (!caps['invitations.create']) {
        loss(
          'membership',
          'the user does not exist on the target, which can neither add by email nor invite',
        );
        continue;
      }
      if (pendingInvitations.has(lower(email))) {
        pendingCount++;
        continue;
      }
      // An invitation carries what the member's rights map to, admins included: where
      // admins' grants are implicit, the group is how they get in, and the kind follows.
      let grants = [...mapped.inviteGrants];
      if (caps.invitationGrants === 'one') {
        if (grants.length === 0) {
          loss('membership', 'the target invites into one group, and no group maps for this member');
          continue;
        }
        grants = grants.slice(0, 1);
        if (mapped.inviteGrants.length > 1)
          loss(
            `${mapped.inviteGrants.length - 1} more group(s)`,
            'set once the invitation is accepted (re-plan then)',
            'info',
          );
      } else if (caps.invitationGrants === 'at-most-one' && grants.length > 1) {
        loss(
          `${grants.length - 1} more group(s)`,
          'set once the invitation is accepted (re-plan then)',
          'info',
        );
        grants = grants.slice(0, 1);
      } else if (caps.invitationGrants === 'none' && grants.length > 0) {
        loss(`${grants.length} group(s)`, 'set once the invitation is accepted (re-plan then)', 'info');
        grants = [];
      }
      for (const kind of mapped.kinds)
        loss(`kind ${kind}`, 'granted once the invitation is accepted (re-plan then)', 'info');
      op({ type: 'invite', organization: ref, email, grants, labels: labels(grants) });
    }

    if (options.prune && caps['members.remove']) {
      for (const [email, member] of targetMembers) {
        if (sourceEmails.has(email)) continue;
        if (member.kinds.includes('admin')) {
          losses.push({
            organization: organization.name,
            email,
            item: 'prune',
            reason: 'admins are never pruned; remove by hand if intended',
            severity: 'info',
          });
          continue;
        }
        const fields = {
          type: 'remove_member' as const,
          organization: ref,
          userId: member.user.id,
          email: member.user.email ?? email,
        };
        operations.push({ ...fields, id: operationIdOf(fields) });
      }
    }
    planned++;
    options.onProgress?.({ organizations: planned, total: selected.length, current: organization.name });
  }

  // Kind writes the tenant cannot carry at all (Auth0 without the kind's role) would fail
  // every time at apply: each becomes a loss now, the rest of its member's chain stays.
  for (const type of ['grant_kind', 'revoke_kind'] as const) {
    for (const kind of ['admin', 'billing_manager'] as const) {
      const planned = operations.filter((operation) => operation.type === type && operation.kind === kind);
      if (planned.length === 0) continue;
      const port = kind === 'admin' ? 'admins' : 'billingManagers';
      const missing = await target.prerequisite(`${port}.${type === 'grant_kind' ? 'grant' : 'revoke'}`, {
        signal,
      });
      if (!missing) continue;
      const dropped = new Set<MigrationOperation>(planned);
      const kept = operations.filter((operation) => !dropped.has(operation));
      operations.length = 0;
      operations.push(...kept);
      for (const operation of planned)
        losses.push({
          organization:
            sourceNameOf.get(operation.organization.id ?? `name:${operation.organization.name}`) ??
            operation.organization.name,
          ...('email' in operation ? { email: operation.email } : {}),
          item: `kind ${kind}`,
          reason: `the target cannot carry it: ${missing.message}`,
          severity,
        });
    }
  }

  // A plan that validates is a plan that applies: check every write with the target's
  // own rules now, and report what it would refuse instead of planning it.
  const accepted = keepAcceptedOperations(
    target,
    operations,
    (operation) =>
      sourceNameOf.get(operation.organization.id ?? `name:${operation.organization.name}`) ??
      operation.organization.name,
    severity,
  );
  operations.length = 0;
  operations.push(...accepted.operations);
  losses.push(...accepted.losses);
  // Loss text quotes vendor data: a NUL in it (which a PostgreSQL store cannot keep) is
  // shown as U+FFFD, so the report loads from a file and a store alike.
  for (const [index, loss] of losses.entries()) losses[index] = withoutNul(loss);

  const blocking = losses.filter((loss) => loss.severity !== 'info');
  if (mapping.unmapped === 'fail' && blocking.length > 0) {
    const sample = blocking
      .slice(0, 5)
      .map(
        (loss) => `${loss.organization}${loss.email ? `/${loss.email}` : ''}: ${loss.item} (${loss.reason})`,
      );
    throw new OrgPortError(
      'failed_precondition',
      `the mapping cannot carry ${blocking.length} item(s), and its policy is fail: ${sample.join('; ')}`,
      { meta: { losses: blocking.length } },
    );
  }

  const counts: Partial<Record<MigrationOperation['type'], number>> = {};
  for (const operation of operations) counts[operation.type] = (counts[operation.type] ?? 0) + 1;
  const contents: PlanContents = {
    format: 'orgport.plan',
    version: 2,
    nonce: planNonce(),
    createdAt: new Date().toISOString(),
    source: { vendor: sourceVendor },
    target: { vendor: target.name },
    operations,
    losses,
    summary: {
      organizations: selected.length,
      members,
      operations: counts,
      totalOperations: operations.length,
      losses: losses.length,
      pendingInvitations: pendingCount,
    },
  };
  const plan: MigrationPlan = { ...contents, planId: planIdOf(contents) };
  // A plan orgport writes is a plan orgport loads: checked as a file's would be.
  try {
    verifyPlan(plan);
  } catch (error) {
    throw new OrgPortError(
      'internal',
      `the planner made a plan its loader refuses: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return plan;
}
