import { type Invitation, OrgPortError } from '@orgport/core';
import { type InvitationPort, path, verifiedWrite } from '@orgport/core/driver';
import { z } from 'zod';
import { type CloudOrgContext, fetchGroups, groupIdNumber } from '../cloud-org-context.js';
import { toInvitation } from '../wire/cloud-org-mapping.js';
import { WireOrganizationInvitation } from '../wire/cloud-org-wire-schemas.js';

const WireInvitations = z.array(WireOrganizationInvitation);

/**
 * Invitations: per product group, addressed by email. The API returns no ids on invite and
 * has no single-invitation read, so `create` and `get` read the organization's pending list.
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
  const one = async (organizationId: string, invitationId: string, signal?: AbortSignal) => {
    const found = (await pending(organizationId, signal)).find(
      (invitation) => invitation.id === invitationId,
    );
    if (!found) throw new OrgPortError('not_found', `No invitation with id ${invitationId}`, { vendor });
    return found;
  };
  return {
    list: async (organizationId, { signal }) => ({ items: await pending(organizationId, signal) }),
    get: (organizationId, invitationId, { signal }) => one(organizationId, invitationId, signal),
    async create(organizationId, input, { signal }) {
      const grants = input.grants ?? [];
      const [grant] = grants;
      if (grants.length !== 1 || grant?.scope.type !== 'product') {
        throw new OrgPortError(
          'invalid_argument',
          'input.grants: invitations here carry exactly one product permission group',
          { vendor },
        );
      }
      const permissionGroupId = groupIdNumber(context, grant.groupId, 'input.grants[0].groupId');
      const { productId } = grant.scope;
      const started = Date.now();
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
