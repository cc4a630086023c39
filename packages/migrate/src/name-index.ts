/** A target item found by name: a role, a product or a permission group. */
export interface NamedItem {
  readonly id: string;
  readonly name: string;
}

/** What a name finds: one item, several that differ only in case (and none exactly), or nothing. */
export type NameLookup<T extends NamedItem> =
  | { readonly kind: 'found'; readonly item: T }
  | { readonly kind: 'ambiguous'; readonly items: readonly T[] }
  | { readonly kind: 'missing' };

/**
 * Target items by name, matched as a person would: the exact name wins; otherwise a name
 * differing only in case, when exactly one does. Two or more that differ only in case
 * ("DEVELOPERS" beside "Developers") and none exact is an ambiguity the caller must report,
 * never a guess.
 */
export class NameIndex<T extends NamedItem> {
  private readonly byLowerName = new Map<string, T[]>();

  constructor(items: Iterable<T> = []) {
    for (const item of items) this.add(item);
  }

  /** Adds an item. */
  add(item: T): void {
    const key = item.name.toLowerCase();
    const bucket = this.byLowerName.get(key);
    if (bucket) bucket.push(item);
    else this.byLowerName.set(key, [item]);
  }

  /** Every item, in the order added. */
  *values(): IterableIterator<T> {
    for (const bucket of this.byLowerName.values()) yield* bucket;
  }

  /** The item named `name`: exact first, then the only case-insensitive match. */
  find(name: string): NameLookup<T> {
    const bucket = this.byLowerName.get(name.toLowerCase());
    if (!bucket) return { kind: 'missing' };
    const exact = bucket.filter((item) => item.name === name);
    if (exact.length === 1) return { kind: 'found', item: exact[0] as T };
    if (exact.length === 0 && bucket.length === 1) return { kind: 'found', item: bucket[0] as T };
    return { kind: 'ambiguous', items: exact.length > 1 ? exact : bucket };
  }
}

/** A loss reason naming an ambiguous match. */
export function ambiguityReason(what: string, name: string, items: readonly NamedItem[]): string {
  return `the target has ${items.length} ${what}s named like ${name} (${items.map((item) => JSON.stringify(item.name)).join(', ')}) and none exactly; rename one, or name it exactly in the mapping`;
}
