import type { Capabilities, GrantInput, Member, MemberKind, PermissionGrant } from '@orgport/core';
import { ambiguityReason, type NamedItem, type NameIndex } from './name-index.js';
import type { RoleMapping } from './role-mapping.js';
import { type IndexedRule, ruleIndexOf } from './rule-index.js';

/** A target product with its permission groups. */
export interface TargetProduct extends NamedItem {
  readonly groups: NameIndex<NamedItem>;
}

/** What the target offers one organization, found by name (see {@link NameIndex}). */
export interface TargetCatalog {
  /** Organization-scope roles. */
  readonly roles: NameIndex<NamedItem>;
  /** Products with their groups. */
  readonly products: NameIndex<TargetProduct>;
}

/** A member's mapped state on the target, and what could not be carried. */
export interface MappedMember {
  /** Organization-level kinds wanted on the target (besides plain membership). */
  readonly kinds: ReadonlySet<'admin' | 'billing_manager'>;
  /** Grants wanted on the target (none for an admin where admins' grants are implicit). */
  readonly grants: readonly GrantInput[];
  /**
   * Grants the member's rights map to, before any implicit-admin rule: what an invitation
   * carries (an admin invited on a vendor with implicit admin grants still needs a group to
   * be invited into; the admin kind follows once the invitation is accepted).
   */
  readonly inviteGrants: readonly GrantInput[];
  /** What is lost: item and reason. */
  readonly losses: readonly { readonly item: string; readonly reason: string }[];
}

/** Human name of a source item, as losses show it. */
export function describeGrant(grant: PermissionGrant): string {
  return grant.scope.type === 'organization'
    ? `role ${grant.group.name}`
    : `group ${grant.scope.productName ?? grant.scope.productId}/${grant.group.name}`;
}

/** A rule's source as losses show it. */
function describeSelector(from: RoleMapping['rules'][number]['from']): string {
  return 'role' in from ? `role ${from.role}` : `group ${from.product}/${from.group}`;
}

/**
 * Maps one source member onto one target organization: every source kind, role and group
 * is either carried (into `kinds` and `grants`) or reported in `losses` with the reason.
 * Rules apply in order; the first to fill a product keeps it (one group per product), and
 * where the target holds one role per member the first rule to place a role keeps it.
 */
export function mapMember(
  member: Member,
  mapping: RoleMapping,
  catalog: TargetCatalog,
  target: Capabilities,
): MappedMember {
  const kinds = new Set<'admin' | 'billing_manager'>();
  const roles = new Map<string, string>();
  // Where the target holds one role per member: the rule that placed the kept role.
  let keptRole: { readonly name: string; readonly rule: string } | undefined;
  const oneRole = target.rolesPerMember === 'one';
  const productGroups = new Map<string, { groupId: string; label: string }>();
  const losses: { item: string; reason: string }[] = [];
  /** Roles beyond the one a single-role target holds (moot for an admin whose grants are implicit). */
  const secondRoles: { item: string; reason: string }[] = [];
  const hasOrganizationScope =
    target.grantScopes === 'organization' || target.grantScopes === 'organization+product';
  const hasProductScope = target.grantScopes === 'product' || target.grantScopes === 'organization+product';

  const addKind = (kind: MemberKind, item: string) => {
    if (kind === 'member') return;
    const port = kind === 'admin' ? 'admins' : 'billingManagers';
    if (!target[`${port}.grant`]) losses.push({ item, reason: `the target cannot grant ${kind}` });
    else kinds.add(kind);
  };

  for (const kind of member.kinds) {
    if (kind === 'member') continue;
    const mapped = mapping.kinds[kind];
    if (mapped === null) losses.push({ item: `kind ${kind}`, reason: 'dropped by the mapping' });
    else addKind(mapped ?? kind, `kind ${kind}`);
  }

  // Each grant's rules from the index (a member costs its grants, not grants × rules), then
  // every (rule, grant) pair in rule priority order, grants in member order within a rule:
  // the first rule to fill a product keeps it.
  const index = ruleIndexOf(mapping);
  const pairs: { priority: number; order: number; rule: IndexedRule['rule']; grant: PermissionGrant }[] = [];
  for (const [order, grant] of member.grants.entries()) {
    const rules = index.matching(grant);
    if (rules.length === 0) losses.push({ item: describeGrant(grant), reason: 'no mapping rule' });
    for (const { priority, rule } of rules) pairs.push({ priority, order, rule, grant });
  }
  pairs.sort((a, b) => a.priority - b.priority || a.order - b.order);
  for (const { rule, grant } of pairs) {
    const item = describeGrant(grant);
    for (const spec of rule.to) {
      if ('kind' in spec) {
        addKind(spec.kind, item);
      } else if ('role' in spec) {
        const role = catalog.roles.find(spec.role);
        if (!hasOrganizationScope) losses.push({ item, reason: 'the target has no organization roles' });
        else if (role.kind === 'missing')
          losses.push({ item, reason: `the target has no role named ${spec.role}` });
        else if (role.kind === 'ambiguous')
          losses.push({ item, reason: ambiguityReason('role', spec.role, role.items) });
        else if (oneRole && keptRole && !roles.has(role.item.id)) {
          // Not a loss for an admin whose permissions the target implies (see below).
          secondRoles.push({
            item,
            reason: `the target holds one role per member; rule ${keptRole.rule} came first and keeps role ${keptRole.name}`,
          });
        } else {
          roles.set(role.item.id, role.item.name);
          keptRole ??= {
            name: role.item.name,
            rule: `${describeSelector(rule.from)} → role ${role.item.name}`,
          };
        }
      } else {
        if (!hasProductScope) {
          losses.push({ item, reason: 'the target has no product groups' });
          continue;
        }
        const found = spec.product === '*' ? undefined : catalog.products.find(spec.product);
        const products =
          found === undefined ? [...catalog.products.values()] : found.kind === 'found' ? [found.item] : [];
        if (found?.kind === 'ambiguous')
          losses.push({ item, reason: ambiguityReason('product', spec.product, found.items) });
        else if (products.length === 0)
          losses.push({ item, reason: `the target organization has no product named ${spec.product}` });
        for (const product of products) {
          const lookup = product.groups.find(spec.group);
          const held = productGroups.get(product.id);
          if (lookup.kind === 'missing')
            losses.push({ item, reason: `product ${product.name} has no group named ${spec.group}` });
          else if (lookup.kind === 'ambiguous')
            losses.push({
              item,
              reason: `product ${product.name}: ${ambiguityReason('group', spec.group, lookup.items)}`,
            });
          else if (held && held.groupId !== lookup.item.id) {
            losses.push({
              item,
              reason: `the target allows one group per product; ${product.name} keeps ${held.label}`,
            });
          } else productGroups.set(product.id, { groupId: lookup.item.id, label: lookup.item.name });
        }
      }
    }
  }

  const implicit = target.grantsOfAdmins === 'implicit' && kinds.has('admin');
  const mapped: GrantInput[] = [
    ...[...roles.keys()].map((groupId): GrantInput => ({ scope: { type: 'organization' }, groupId })),
    ...[...productGroups.entries()].map(
      ([productId, { groupId }]): GrantInput => ({ scope: { type: 'product', productId }, groupId }),
    ),
  ];
  if (!implicit) losses.push(...secondRoles);
  return { kinds, grants: implicit ? [] : mapped, inviteGrants: mapped, losses };
}
