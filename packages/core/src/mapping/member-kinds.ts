import type { MemberKind } from '../domain/member-kind.js';

// Every combination of kinds, in the canonical order, built once and frozen: a mapped
// member points at one of these instead of carrying its own array (a million members
// streamed allocate no kinds arrays at all).
const COMBINATIONS: readonly (readonly MemberKind[])[] = Array.from({ length: 8 }, (_, bits) =>
  Object.freeze(
    (['member', 'admin', 'billing_manager'] as const).filter((_kind, index) => (bits & (1 << index)) !== 0),
  ),
);

/** Bit of each kind in {@link kindsFromBits}. */
export const KIND_BIT: Readonly<Record<MemberKind, number>> = Object.freeze({
  member: 1,
  admin: 2,
  billing_manager: 4,
});

/**
 * The kinds whose bits are set ({@link KIND_BIT}), as a shared frozen array in the
 * canonical order `member`, `admin`, `billing_manager`. For adapters mapping members in
 * bulk: no array is allocated per member.
 *
 * @example
 * ```ts
 * kindsFromBits(KIND_BIT.member | KIND_BIT.admin); // ['member', 'admin']
 * ```
 */
export function kindsFromBits(bits: number): readonly MemberKind[] {
  return COMBINATIONS[bits & 7] as readonly MemberKind[];
}

/** One frozen empty list, shared by every mapped item that has none (roles, grants). */
export const NONE: readonly never[] = Object.freeze([]);
