import { type Invitation, OrgPortError } from '@orgport/core';
import { fetchCursorPage, type InvitationPort, path, verifiedWrite } from '@orgport/core/driver';
import { toInvitation } from '../wire/workos-mapping.js';
import { WireInvitation, WireInvitationList } from '../wire/workos-wire-schemas.js';
import { fetchOrganization, type WorkOSContext } from '../workos-context.js';

const SECONDS_PER_DAY = 86_400;

/**
 * Invitations of an organization: pending and expired ones are listed (accepted and
 * revoked are history). An invitation carries at most one role slug. `delete` revokes.
 */
export function workosInvitationsPort(context: WorkOSContext): InvitationPort {
  const { http, vendor } = context;
  const open = (state: string) => state === 'pending' || state === 'expired';
  const one = async (organizationId: string, invitationId: string, signal?: AbortSignal) => {
    try {
      const { data } = await http.request({
        method: 'GET',
        path: path`/user_management/invitations/${invitationId}`,
        schema: WireInvitation,
        signal,
      });
      if (data.organization_id === organizationId && open(data.state)) return data;
    } catch (error) {
      if (!OrgPortError.is(error, 'not_found')) throw error;
    }
    throw new OrgPortError('not_found', `No invitation ${invitationId} in organization ${organizationId}`, {
      vendor,
    });
  };
  return {
    async list(organizationId, { cursor, pageSize, signal }) {
      let at = cursor;
      for (;;) {
        const page = await fetchCursorPage(
          {
            http,
            path: '/user_management/invitations',
            query: { organization_id: organizationId, order: 'asc' },
            schema: WireInvitationList,
            items: (body) => body.data,
            next: (body) => body.list_metadata?.after,
          },
          { cursor: at, pageSize, signal },
        );
        if (at === undefined && page.items.length === 0)
          await fetchOrganization(context, organizationId, signal);
        const now = http.clock.now();
        const items: Invitation[] = page.items
          .filter((row) => row.organization_id === organizationId && open(row.state))
          .map((row) => toInvitation(row, organizationId, now));
        // A page is never empty while it has a next cursor.
        if (items.length > 0 || !page.next) return page.next ? { items, next: page.next } : { items };
        at = page.next;
      }
    },
    get: async (organizationId, invitationId, { signal }) =>
      toInvitation(await one(organizationId, invitationId, signal), organizationId, http.clock.now()),
    async create(organizationId, input, { signal }) {
      // The facade enforces the manifest: at most one organization-scope grant.
      const [grant] = input.grants ?? [];
      await fetchOrganization(context, organizationId, signal);
      const email = input.email.toLowerCase();
      // A pending invitation of this email to this organization is what the write wants:
      // when its outcome is unknown, one found is taken instead of sending it again.
      const pendingFor = async () => {
        const { data } = await http.request({
          method: 'GET',
          path: '/user_management/invitations',
          query: { organization_id: organizationId, email, limit: 100 },
          schema: WireInvitationList,
          signal,
        });
        return data.data.find(
          (row) =>
            row.state === 'pending' &&
            row.organization_id === organizationId &&
            row.email.toLowerCase() === email,
        );
      };
      const created = await verifiedWrite({
        write: async () =>
          (
            await http.request({
              method: 'POST',
              path: '/user_management/invitations',
              json: {
                email: input.email,
                organization_id: organizationId,
                ...(grant ? { role_slug: grant.groupId } : {}),
                ...(input.ttlSeconds !== undefined
                  ? { expires_in_days: Math.max(1, Math.ceil(input.ttlSeconds / SECONDS_PER_DAY)) }
                  : {}),
              },
              schema: WireInvitation,
              signal,
            })
          ).data,
        verify: pendingFor,
      });
      return toInvitation(created, organizationId, http.clock.now());
    },
    async delete(organizationId, invitationId, { signal }) {
      const invitation = await one(organizationId, invitationId, signal);
      // An expired invitation cannot be revoked, and no longer admits anyone.
      if (invitation.state !== 'pending') return;
      await http.request({
        method: 'POST',
        path: path`/user_management/invitations/${invitationId}/revoke`,
        json: {},
        idempotent: true,
        signal,
      });
    },
  };
}
