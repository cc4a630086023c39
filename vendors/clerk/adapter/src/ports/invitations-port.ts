import { type Invitation, OrgPortError } from '@orgport/core';
import { type InvitationPort, path, verifiedWrite } from '@orgport/core/driver';
import { type ClerkContext, fetchOffsetPage } from '../clerk-context.js';
import { toInvitation } from '../wire/clerk-mapping.js';
import { WireInvitation, WireInvitations } from '../wire/clerk-wire-schemas.js';

const DAY_SECONDS = 86_400;

/**
 * Invitations: pending invitations, offset-paged; one invitation by id (only a pending one
 * counts); create into exactly one role (`expires_in_days` from the wanted lifetime, rounded
 * up, 1–365); delete is Clerk's revoke.
 */
export function clerkInvitationsPort(context: ClerkContext): InvitationPort {
  const { vendor } = context;
  const map = (invitation: Parameters<typeof toInvitation>[0], organizationId: string): Invitation =>
    toInvitation(invitation, organizationId, context, context.http.clock.now());
  const pending = async (organizationId: string, invitationId: string, signal?: AbortSignal) => {
    const { data } = await context.http.request({
      method: 'GET',
      path: path`/organizations/${organizationId}/invitations/${invitationId}`,
      schema: WireInvitation,
      signal,
    });
    if (data.status && data.status !== 'pending')
      throw new OrgPortError('not_found', `Invitation ${invitationId} is ${data.status}, not pending`, {
        vendor,
      });
    return data;
  };
  return {
    async list(organizationId, { cursor, pageSize, signal }) {
      const { body, next } = await fetchOffsetPage(context, {
        path: path`/organizations/${organizationId}/invitations`,
        query: { status: 'pending' },
        schema: WireInvitations,
        cursor,
        pageSize,
        signal,
      });
      return {
        // Checked again: a server that ignores the filter must not list revoked invitations.
        items: body.data
          .filter((invitation) => !invitation.status || invitation.status === 'pending')
          .map((invitation) => map(invitation, organizationId)),
        next,
      };
    },
    get: async (organizationId, invitationId, { signal }) =>
      map(await pending(organizationId, invitationId, signal), organizationId),
    async create(organizationId, input, { signal }) {
      // The facade enforces exactly one organization-scope grant (invitationGrants 'one').
      const role = input.grants?.[0]?.groupId;
      if (role === undefined)
        throw new OrgPortError('internal', 'invitations.create reached the adapter without a role', {
          vendor,
        });
      const days =
        input.ttlSeconds === undefined ? undefined : Math.min(365, Math.ceil(input.ttlSeconds / DAY_SECONDS));
      // The transport's clock: the vendor's timestamps are compared with it.
      const started = context.http.clock.now();
      const wanted = input.email.toLowerCase();
      // A create is not safe to repeat: when its outcome is unknown, look for it first.
      const find = async () => {
        const { body } = await fetchOffsetPage(context, {
          path: path`/organizations/${organizationId}/invitations`,
          query: { status: 'pending', email_address: input.email },
          schema: WireInvitations,
          signal,
        });
        const found = body.data
          .map((invitation) => map(invitation, organizationId))
          .find(
            (invitation) =>
              invitation.email.toLowerCase() === wanted &&
              invitation.grants[0]?.group.id === role &&
              Date.parse(invitation.createdAt ?? '') >= started - 5000,
          );
        return found;
      };
      return verifiedWrite({
        write: async () => {
          const { data } = await context.http.request({
            method: 'POST',
            path: path`/organizations/${organizationId}/invitations`,
            json: { email_address: input.email, role, ...(days ? { expires_in_days: days } : {}) },
            schema: WireInvitation,
            signal,
          });
          return map(data, organizationId);
        },
        verify: find,
      });
    },
    async delete(organizationId, invitationId, { signal }) {
      await pending(organizationId, invitationId, signal);
      await context.http.request({
        method: 'POST',
        path: path`/organizations/${organizationId}/invitations/${invitationId}/revoke`,
        json: {},
        schema: WireInvitation,
        idempotent: true,
        signal,
      });
    },
  };
}
