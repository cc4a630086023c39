import { z } from 'zod';

/** `OrganizationModel`. */
export const WireOrganization = z.object({ organizationId: z.string(), name: z.string() });

/** `ProductModel`. */
export const WireProduct = z.object({
  organization: WireOrganization,
  productId: z.string(),
  name: z.string(),
  description: z.string().nullish(),
});

/** `PermissionGroupModel` (only what the adapter reads; extra and new fields tolerated). */
export const WirePermissionGroup = z.object({
  permissionGroupId: z.number().int(),
  name: z.string(),
  product: WireProduct.nullish(),
});

const Person = {
  userId: z.string(),
  fullName: z.string().nullish(),
  email: z.string().nullish(),
  twoFactorEnabled: z.boolean().nullish(),
};

/** `OrganizationMembersModel` (v2). Arrays may be `null` in older spec copies. */
export const WireOrganizationMembers = z.object({
  admins: z.array(z.object(Person)).nullish(),
  billingManagers: z.array(z.object(Person)).nullish(),
  members: z
    .array(
      z.object({
        ...Person,
        permissions: z
          .array(
            z.object({
              product: z.object({ productId: z.string(), name: z.string() }),
              permissionGroup: z.object({ permissionGroupId: z.number().int(), name: z.string() }),
            }),
          )
          .nullish(),
      }),
    )
    .nullish(),
});

/** `OrganizationInvitationModel`. */
export const WireOrganizationInvitation = z.object({
  invitationId: z.string(),
  email: z.string().nullish(),
  productId: z.string(),
  productName: z.string().nullish(),
  permissionGroupId: z.number().int(),
  createdAt: z.string(),
  expired: z.boolean(),
  expires: z.string().nullish(),
});
