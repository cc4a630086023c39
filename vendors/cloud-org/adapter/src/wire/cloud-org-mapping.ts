import type { Invitation, Member, Product } from '@orgport/core';
import { KIND_BIT, kindsFromBits, NONE } from '@orgport/core/driver';
import type { z } from 'zod';
import type {
  WireOrganizationInvitation,
  WireOrganizationMembers,
  WireProduct,
} from './cloud-org-wire-schemas.js';
import { SharedGrants } from './shared-grants.js';

type WirePerson = NonNullable<z.infer<typeof WireOrganizationMembers>['admins']>[number];
type WireMember = NonNullable<z.infer<typeof WireOrganizationMembers>['members']>[number];

/** A member while the document is read; its kinds are set once every array is read. */
type MemberDraft = { -readonly [K in keyof Member]: Member[K] };

/**
 * The v2 members response → neutral members, one per user: `admins` give the admin kind,
 * `billingManagers` the billing-manager kind, `members` the member kind and product-scope
 * grants. A user listed in several arrays appears once, with every kind, in the order the
 * user first appears. One pass over each array and few allocations: grants and grant lists
 * are shared ({@link SharedGrants}), kinds are one of the frozen combinations.
 *
 * `wire` is consumed: its `members` array is emptied as it is read (pass a document
 * nothing else uses, as a fresh response is).
 */
export function toMembers(wire: z.infer<typeof WireOrganizationMembers>, organizationId: string): Member[] {
  const admins = wire.admins ?? [];
  const managers = wire.billingManagers ?? [];
  const wireMembers: (WireMember | undefined)[] = wire.members ?? [];
  const members: MemberDraft[] = [];
  const kindBits = new Uint8Array(admins.length + managers.length + wireMembers.length);
  const indexOf = new Map<string, number>();
  const draftOf = (person: WirePerson, kindBit: number): MemberDraft => {
    let index = indexOf.get(person.userId);
    if (index === undefined) {
      index = members.length;
      indexOf.set(person.userId, index);
      const user: { id: string; email?: string; name?: string } = { id: person.userId };
      if (person.email) user.email = person.email;
      if (person.fullName) user.name = person.fullName;
      members.push({ user, organizationId, kinds: NONE, roles: NONE, grants: NONE });
    }
    kindBits[index] = (kindBits[index] as number) | kindBit;
    return members[index] as MemberDraft;
  };
  for (const admin of admins) draftOf(admin, KIND_BIT.admin);
  for (const manager of managers) draftOf(manager, KIND_BIT.billing_manager);
  const shared = new SharedGrants();
  for (let index = 0; index < wireMembers.length; index++) {
    const member = wireMembers[index] as WireMember;
    // Each wire member is let go as soon as it is mapped: its permission objects die young
    // instead of being copied by every scavenge the mapping's own allocations trigger
    // (measured: most of the cost of mapping a large document was collecting the document).
    wireMembers[index] = undefined;
    const draft = draftOf(member, KIND_BIT.member);
    const permissions = member.permissions;
    if (!permissions || permissions.length === 0) continue;
    const grants = shared.listOf(permissions);
    draft.grants = draft.grants === NONE ? grants : [...draft.grants, ...grants];
  }
  for (let index = 0; index < members.length; index++)
    (members[index] as MemberDraft).kinds = kindsFromBits(kindBits[index] as number);
  return members;
}

/** `ProductModel` → neutral product. */
export function toProduct(wire: z.infer<typeof WireProduct>): Product {
  return {
    id: wire.productId,
    organizationId: wire.organization.organizationId,
    name: wire.name,
    ...(wire.description ? { description: wire.description } : {}),
  };
}

/** `OrganizationInvitationModel` → neutral invitation; group names come from `groupName`. */
export function toInvitation(
  wire: z.infer<typeof WireOrganizationInvitation>,
  organizationId: string,
  groupName: (id: number) => string,
): Invitation {
  return {
    id: wire.invitationId,
    organizationId,
    email: wire.email ?? '',
    grants: [
      {
        scope: {
          type: 'product',
          productId: wire.productId,
          ...(wire.productName ? { productName: wire.productName } : {}),
        },
        group: { id: String(wire.permissionGroupId), name: groupName(wire.permissionGroupId) },
      },
    ],
    createdAt: wire.createdAt,
    ...(wire.expires ? { expiresAt: wire.expires } : {}),
    expired: wire.expired,
  };
}
