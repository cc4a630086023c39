import { MemberKindSchema, OrgPortError } from '@orgport/core';
import { formatIssues } from '@orgport/core/driver';
import { z } from 'zod';

const Name = z.string().min(1).max(255);

/** A source item: an organization role by name, or a product group by product and group name (`*` for any product). */
export const SourceSelectorSchema = z.union([
  z.object({ role: Name }).strict(),
  z.object({ product: Name, group: Name }).strict(),
]);

/** Where a source item goes: a target role, a target product group (`*` for every product), or a kind. */
export const TargetSpecSchema = z.union([
  z.object({ role: Name }).strict(),
  z.object({ product: Name, group: Name }).strict(),
  z.object({ kind: MemberKindSchema }).strict(),
]);

/**
 * A declarative role mapping: which source roles, groups and kinds become which target
 * roles, groups and kinds, and what to do with what cannot be carried.
 *
 * @example
 * ```json
 * { "version": 1, "unmapped": "warn",
 *   "rules": [
 *     { "from": { "role": "editor" }, "to": [{ "product": "*", "group": "Developers" }] },
 *     { "from": { "role": "owner" }, "to": [{ "kind": "admin" }] } ] }
 * ```
 */
export const RoleMappingSchema = z
  .object({
    version: z.literal(1).default(1),
    /** `fail`: planning fails if anything cannot be carried; `warn`: it is reported; `skip`: reported quietly. */
    unmapped: z.enum(['fail', 'warn', 'skip']).default('warn'),
    organizations: z
      .object({
        /** Which names of a target organization may match a source one. Default `either`. */
        match: z.enum(['name', 'displayName', 'either']).default('either'),
        /** Source organization name → target organization name. */
        rename: z.record(Name, Name).default({}),
      })
      .strict()
      .default({ match: 'either', rename: {} }),
    /** Source kind → target kind, or null to drop it. Default: each kind to itself. */
    kinds: z.partialRecord(MemberKindSchema, MemberKindSchema.nullable()).default({}),
    /** Rules, in priority order (the first wins a product both would fill). */
    rules: z
      .array(z.object({ from: SourceSelectorSchema, to: z.array(TargetSpecSchema).min(1) }).strict())
      .default([]),
  })
  .strict();

/** A role mapping; see {@link RoleMappingSchema}. */
export type RoleMapping = z.infer<typeof RoleMappingSchema>;

/** What callers may write: every defaulted field optional. */
export type RoleMappingInput = z.input<typeof RoleMappingSchema>;

/** Reads and validates a mapping from JSON text or an object; `invalid_argument` names the field. */
export function loadRoleMapping(input: string | RoleMappingInput): RoleMapping {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new OrgPortError('invalid_argument', `mapping: not valid JSON (${(error as Error).message})`);
    }
  }
  const parsed = RoleMappingSchema.safeParse(value);
  if (!parsed.success) throw new OrgPortError('invalid_argument', `mapping: ${formatIssues(parsed.error)}`);
  return parsed.data;
}
