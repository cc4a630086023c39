import type { PermissionGrant } from '@orgport/core';
import type { RoleMapping } from './role-mapping.js';

/** A mapping rule with its priority (its index in the mapping). */
export type IndexedRule = { readonly priority: number; readonly rule: RoleMapping['rules'][number] };

const lower = (text: string) => text.toLowerCase();
const productKey = (product: string, group: string) => `${lower(product)}\u0000${lower(group)}`;

/**
 * A mapping's rules by what they match, so that mapping a member costs its grants, not
 * grants × rules: organization roles by name, product groups by product and group name,
 * and `*` product rules by group name (all matched without regard to case, as the rules are).
 */
export class RuleIndex {
  private readonly byRole = new Map<string, IndexedRule[]>();
  private readonly byProductGroup = new Map<string, IndexedRule[]>();
  private readonly byAnyProductGroup = new Map<string, IndexedRule[]>();

  constructor(mapping: RoleMapping) {
    for (const [priority, rule] of mapping.rules.entries()) {
      const { from } = rule;
      const entry = { priority, rule };
      if ('role' in from) push(this.byRole, lower(from.role), entry);
      else if (from.product === '*') push(this.byAnyProductGroup, lower(from.group), entry);
      else push(this.byProductGroup, productKey(from.product, from.group), entry);
    }
  }

  /** The rules a source grant matches, in priority order. */
  matching(grant: PermissionGrant): readonly IndexedRule[] {
    if (grant.scope.type === 'organization') return this.byRole.get(lower(grant.group.name)) ?? [];
    const specific =
      this.byProductGroup.get(productKey(grant.scope.productName ?? '', grant.group.name)) ?? [];
    const any = this.byAnyProductGroup.get(lower(grant.group.name)) ?? [];
    if (any.length === 0) return specific;
    if (specific.length === 0) return any;
    return [...specific, ...any].sort((a, b) => a.priority - b.priority);
  }
}

function push(map: Map<string, IndexedRule[]>, key: string, entry: IndexedRule): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

const indexes = new WeakMap<RoleMapping, RuleIndex>();

/** The index of a mapping, built once per mapping object. */
export function ruleIndexOf(mapping: RoleMapping): RuleIndex {
  let index = indexes.get(mapping);
  if (!index) {
    index = new RuleIndex(mapping);
    indexes.set(mapping, index);
  }
  return index;
}
