import { type Invitation, OrgPortError } from '@orgport/core';
import { type InvitationPort, path, verifiedWrite } from '@orgport/core/driver';
import { z } from 'zod';
import { type CloudOrgContext, fetchGroups, groupIdNumber } from '../cloud-org-context.js';
import { toInvitation } from '../wire/cloud-org-mapping.js';
import { WireOrganizationInvitation } from '../wire/cloud-org-wire-schemas.js';

const WireInvitations = z.array(WireOrganizationInvitation);

/**
 * Invitations: per product group, addressed by email. The API returns no ids on invite and
 * has no single-invitation read: `create` reads the organization's pending list, and `get`
 * is the facade's emulation over it.
 */
export function cloudOrgInvitationsPort(context: CloudOrgContext): InvitationPort {
  const { vendor } = context;
  const pending = async (organizationId: string, signal?: AbortSignal): Promise<Invitation[]> => {
    const { data } = await context.http.request({
      method: 'GET',
      path: path`/v1/organizations/${organizationId}/invitations`,
      rateLimitKey: 'GET /v1/organizations/{}/invitations',
      schema: WireInvitations,
      signal,
    });
    const names = new Map<number, string>();
    for (const productId of new Set(data.map((row) => row.productId))) {
      for (const group of await fetchGroups(context, productId, signal))
        names.set(group.permissionGroupId, group.name);
    }
    return data.map((row) => toInvitation(row, organizationId, (id) => names.get(id) ?? String(id)));
  };
  /** The API deletes any id silently: check that it is a pending invitation of this organization first. */
  const one = async (organizationId: string, invitationId: string, signal?: AbortSignal) => {
    if (!(await pending(organizationId, signal)).some((invitation) => invitation.id === invitationId))
      throw new OrgPortError('not_found', `No invitation with id ${invitationId}`, { vendor });
  };
  return {
    list: async (organizationId, { signal }) => ({ items: await pending(organizationId, signal) }),
    async create(organizationId, input, { signal }) {
      // The facade enforces the manifest: exactly one grant (invitationGrants 'one'), of
      // product scope (grantScopes 'product').
      const [grant] = input.grants ?? [];
      if (grant?.scope.type !== 'product') {
        throw new OrgPortError('internal', 'invitations.create reached the adapter without a product grant', {
          vendor,
        });
      }
      const permissionGroupId = groupIdNumber(context, grant.groupId, 'input.grants[0].groupId');
      const { productId } = grant.scope;
      // The transport's clock: the vendor's timestamps are compared with it.
      const started = context.http.clock.now();
      // The invite answers with no body: the newest pending invitation for the email is ours.
      const find = async () =>
        (await pending(organizationId, signal))
          .filter(
            (invitation) =>
              invitation.email.toLowerCase() === input.email.toLowerCase() &&
              Date.parse(invitation.createdAt ?? '') >= started - 5000,
          )
          .sort((a, b) => Date.parse(b.createdAt ?? '') - Date.parse(a.createdAt ?? ''))[0];
      return verifiedWrite({
        write: async () => {
          await context.http.request({
            method: 'POST',
            path: path`/v1/products/${productId}/members/invite`,
            rateLimitKey: 'POST /v1/products/{}/members/invite',
            json: { emails: [input.email], permissionGroupId },
            signal,
          });
          const created = await find();
          if (!created)
            throw new OrgPortError(
              'invalid_response',
              'the invitation was accepted but does not appear in the pending list',
              { vendor },
            );
          return created;
        },
        verify: find,
      });
    },
    async delete(organizationId, invitationId, { signal }) {
      await one(organizationId, invitationId, signal);
      await context.http.request({
        method: 'DELETE',
        path: path`/v1/invitations/${invitationId}`,
        rateLimitKey: 'DELETE /v1/invitations/{}',
        signal,
      });
    },
  };
}
