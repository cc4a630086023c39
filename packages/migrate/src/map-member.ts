import type { Capabilities, GrantInput, Member, MemberKind, PermissionGrant } from '@orgport/core';
import { ambiguityReason, type NamedItem, type NameIndex } from './name-index.js';
import type { RoleMapping } from './role-mapping.js';

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

const lower = (text: string) => text.toLowerCase();

/** Human name of a source item, as losses show it. */
export function describeGrant(grant: PermissionGrant): string {
  return grant.scope.type === 'organization'
    ? `role ${grant.group.name}`
    : `group ${grant.scope.productName ?? grant.scope.productId}/${grant.group.name}`;
}

function matches(from: RoleMapping['rules'][number]['from'], grant: PermissionGrant): boolean {
  if ('role' in from)
    return grant.scope.type === 'organization' && lower(grant.group.name) === lower(from.role);
  if (grant.scope.type !== 'product') return false;
  const productMatches = from.product === '*' || lower(grant.scope.productName ?? '') === lower(from.product);
  return productMatches && lower(grant.group.name) === lower(from.group);
}

/**
 * Maps one source member onto one target organization: every source kind, role and group
 * is either carried (into `kinds` and `grants`) or reported in `losses` with the reason.
 * Rules apply in order; the first to fill a product keeps it (one group per product).
 */
export function mapMember(
  member: Member,
  mapping: RoleMapping,
  catalog: TargetCatalog,
  target: Capabilities,
): MappedMember {
  const kinds = new Set<'admin' | 'billing_manager'>();
  const roles = new Map<string, string>();
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

  for (const grant of member.grants) {
    if (!mapping.rules.some((rule) => matches(rule.from, grant)))
      losses.push({ item: describeGrant(grant), reason: 'no mapping rule' });
  }
  // Rules in priority order: the first to fill a product keeps it.
  for (const rule of mapping.rules) {
    for (const grant of member.grants.filter((candidate) => matches(rule.from, candidate))) {
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
          else if (target.rolesPerMember === 'one' && roles.size > 0 && !roles.has(role.item.id))
            secondRoles.push({
              item,
              reason: `the target allows one role per member; keeps ${[...roles.values()][0]}`,
            });
          else roles.set(role.item.id, role.item.name);
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
