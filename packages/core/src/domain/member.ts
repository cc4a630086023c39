import { z } from 'zod';
import { IdSchema } from './id.js';
import { type MemberKind, MemberKindSchema } from './member-kind.js';
import { type MemberStatus, MemberStatusSchema } from './member-status.js';
import { type PermissionGrant, PermissionGrantSchema } from './permission-grant.js';
import { type Role, RoleSchema } from './role.js';
import { type User, UserSchema } from './user.js';

/**
 * A user's membership of one organization: which kinds they hold, their
 * organization-wide roles, and every permission grant (organization or product scope).
 * `kinds` is never empty. `status` is set only by vendors that keep memberships which do
 * not grant access (inactive, pending); absent means active.
 */
export const MemberSchema = z
  .object({
    user: UserSchema,
    organizationId: IdSchema,
    kinds: z.array(MemberKindSchema).min(1).readonly(),
    roles: z.array(RoleSchema).readonly(),
    grants: z.array(PermissionGrantSchema).readonly(),
    status: MemberStatusSchema.optional(),
  })
  .readonly();

/** A membership; see {@link MemberSchema}. */
export interface Member {
  readonly user: User;
  readonly organizationId: string;
  readonly kinds: readonly MemberKind[];
  readonly roles: readonly Role[];
  readonly grants: readonly PermissionGrant[];
  /** Where the membership stands, on vendors that keep inactive or pending ones; absent means active. */
  readonly status?: MemberStatus | undefined;
}
