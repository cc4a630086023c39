import type { Invitation, Member, MemberKind, PermissionGrant, Product } from '@orgport/core';
import type { z } from 'zod';
import type {
  WireOrganizationInvitation,
  WireOrganizationMembers,
  WireProduct,
} from './cloud-org-wire-schemas.js';

/**
 * The v2 members response → neutral members, one per user: `admins` give the admin kind,
 * `billingManagers` the billing-manager kind, `members` the member kind and product-scope
 * grants. A user listed in several arrays appears once, with every kind.
 */
export function toMembers(wire: z.infer<typeof WireOrganizationMembers>, organizationId: string): Member[] {
  const byId = new Map<string, { user: Member['user']; kinds: Set<MemberKind>; grants: PermissionGrant[] }>();
  const entry = (person: {
    userId: string;
    fullName?: string | null | undefined;
    email?: string | null | undefined;
  }) => {
    let found = byId.get(person.userId);
    if (!found) {
      found = {
        user: {
          id: person.userId,
          ...(person.email ? { email: person.email } : {}),
          ...(person.fullName ? { name: person.fullName } : {}),
        },
        kinds: new Set(),
        grants: [],
      };
      byId.set(person.userId, found);
    }
    return found;
  };
  for (const admin of wire.admins ?? []) entry(admin).kinds.add('admin');
  for (const manager of wire.billingManagers ?? []) entry(manager).kinds.add('billing_manager');
  for (const member of wire.members ?? []) {
    const found = entry(member);
    found.kinds.add('member');
    for (const permission of member.permissions ?? []) {
      found.grants.push({
        scope: {
          type: 'product',
          productId: permission.product.productId,
          productName: permission.product.name,
        },
        group: {
          id: String(permission.permissionGroup.permissionGroupId),
          name: permission.permissionGroup.name,
        },
      });
    }
  }
  return [...byId.values()].map(({ user, kinds, grants }) => ({
    user,
    organizationId,
    kinds: (['member', 'admin', 'billing_manager'] as const).filter((kind) => kinds.has(kind)),
    roles: [],
    grants,
  }));
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
