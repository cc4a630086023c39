import { z } from 'zod';

/**
 * Where a membership stands on vendors that keep memberships that do not grant access:
 * `active` (the default, and all there is on most vendors), `inactive` (deactivated, kept
 * with its roles, e.g. WorkOS) or `pending` (created by an invitation not yet accepted).
 */
export const MemberStatusSchema = z.enum(['active', 'inactive', 'pending']);

/** Where a membership stands; see {@link MemberStatusSchema}. */
export type MemberStatus = z.infer<typeof MemberStatusSchema>;
