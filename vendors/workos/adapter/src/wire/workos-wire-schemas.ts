import { z } from 'zod';

// What the adapter reads of WorkOS answers (spec `@workos/openapi-spec` 0.1.0), tolerant
// where the official emulator answers less than the spec requires: extra fields are
// ignored, and the fields the emulator omits are optional here (named on each field).

/** `Organization`. */
export const WireOrganization = z.object({
  id: z.string(),
  name: z.string(),
  external_id: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
});

/** `SlimRole`. */
export const WireSlimRole = z.object({ slug: z.string() });

/** `UserlandUser` (only what a member shows). */
export const WireUser = z.object({
  id: z.string(),
  email: z.string(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  profile_picture_url: z.string().nullish(),
});

/**
 * `UserlandUserOrganizationMembership`. The spec requires `user` and `directory_managed`;
 * the emulator sends neither. `roles` is not in the spec's schema but the SDK reads it
 * (environments with multiple roles).
 */
export const WireMembership = z.object({
  id: z.string(),
  user_id: z.string(),
  organization_id: z.string(),
  status: z.enum(['active', 'inactive', 'pending']),
  role: WireSlimRole.nullish(),
  roles: z.array(WireSlimRole).nullish(),
  directory_managed: z.boolean().optional(),
  user: WireUser.optional(),
});

/** `UserlandUserInvite`. */
export const WireInvitation = z.object({
  id: z.string(),
  email: z.string(),
  state: z.enum(['pending', 'accepted', 'expired', 'revoked']),
  organization_id: z.string().nullish(),
  role_slug: z.string().nullish(),
  expires_at: z.string(),
  created_at: z.string(),
  accept_invitation_url: z.string().nullish(),
});

/** `Role` (environment or organization role). */
export const WireRole = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  type: z.string().nullish(),
});

/** A list answer: `{ data, list_metadata: { before, after } }`; role lists carry no `list_metadata` in the spec. */
export const wireList = <Item extends z.ZodType>(item: Item) =>
  z.object({
    data: z.array(item),
    list_metadata: z.object({ after: z.string().nullish(), before: z.string().nullish() }).nullish(),
  });

/** Membership lists, built once (zod compiles a schema on first use). */
export const WireMembershipList = wireList(WireMembership);
/** Organization lists. */
export const WireOrganizationList = wireList(WireOrganization);
/** User lists. */
export const WireUserList = wireList(WireUser);
/** Invitation lists. */
export const WireInvitationList = wireList(WireInvitation);
/** Role lists. */
export const WireRoleList = wireList(WireRole);
