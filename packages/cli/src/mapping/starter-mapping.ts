import type { RoleMappingInput } from '@orgport/migrate';
import type { CatalogEntry } from '../lists/catalog.js';

/** A starter mapping, and the source items it found no target for. */
export interface StarterMapping {
  readonly mapping: RoleMappingInput;
  /** Source roles and groups with a rule, and the target item each went to. */
  readonly matched: readonly { readonly source: CatalogEntry; readonly target: CatalogEntry }[];
  /** Source roles and groups no target role or group is named like: a person writes their rules. */
  readonly unmatched: readonly CatalogEntry[];
  /** Source roles named like a kind (`admin`, `billing_manager`): vendors such as Auth0 hold kinds as roles, and `kinds` carries them. */
  readonly kinds: readonly CatalogEntry[];
}

/** A name as compared for a guess: case, spaces, punctuation and a plural `s` ignored (`Viewers` ~ `viewer`). */
const stem = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
    .replace(/s$/, '');

/** Member kinds by name: a source role so named is the kind, which the mapping's `kinds` carries. */
const KIND_NAMES = new Set(['admin', 'billing_manager']);

type RuleInput = NonNullable<RoleMappingInput['rules']>[number];
const selector = (entry: CatalogEntry) =>
  entry.scope === 'organization' ? { role: entry.name } : { product: '*', group: entry.name };

/**
 * A mapping for a person to edit: one rule per source role or group whose name matches a
 * target role (preferred) or product group, compared loosely (`viewer` → `Viewers`). Nothing
 * is guessed beyond names: a source role with no similar target name gets no rule, and the
 * plan reports it as a loss until someone writes one. Policy `warn`, kinds to themselves.
 */
export function starterMapping(
  source: readonly CatalogEntry[],
  target: readonly CatalogEntry[],
): StarterMapping {
  const byStem = new Map<string, CatalogEntry>();
  // Organization roles first: they win a name both scopes have.
  for (const entry of [...target].sort((a, b) =>
    a.scope === b.scope ? 0 : a.scope === 'organization' ? -1 : 1,
  ))
    if (!byStem.has(stem(entry.name))) byStem.set(stem(entry.name), entry);
  const rules: RuleInput[] = [];
  const matched: StarterMapping['matched'][number][] = [];
  const unmatched: CatalogEntry[] = [];
  const kinds: CatalogEntry[] = [];
  const seen = new Set<string>();
  for (const entry of source) {
    const from = selector(entry);
    const key = JSON.stringify(from).toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    if (entry.scope === 'organization' && KIND_NAMES.has(entry.name.toLowerCase())) {
      kinds.push(entry);
      continue;
    }
    const found = byStem.get(stem(entry.name));
    if (!found) {
      unmatched.push(entry);
      continue;
    }
    rules.push({ from, to: [selector(found)] });
    matched.push({ source: entry, target: found });
  }
  return { mapping: { version: 1, unmapped: 'warn', rules }, matched, unmatched, kinds };
}
