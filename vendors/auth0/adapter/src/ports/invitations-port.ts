import { type Invitation, OrgPortError } from '@orgport/core';
import {
  type InvitationPort,
  type ListOptions,
  type Page,
  paginate,
  path,
  verifiedWrite,
} from '@orgport/core/driver';
import type { Auth0Context } from '../auth0-context.js';
import { fetchOffsetPage } from '../offset-page.js';
import { toInvitation } from '../wire/auth0-mapping.js';
import { WireInvitation } from '../wire/auth0-wire-schemas.js';

/** Organization invitations on Auth0. */
export function auth0InvitationsPort(context: Auth0Context): InvitationPort {
  const { http, vendor, roles } = context;
  const map = async (
    wire: import('zod').infer<typeof WireInvitation>,
    organizationId: string,
    signal?: AbortSignal,
  ) => {
    if (wire.roles?.length) await roles.ensure(wire.roles, signal);
    return toInvitation(wire, organizationId, (id) => roles.nameOf(id), http.clock.now());
  };
  const list = async (
    organizationId: string,
    { cursor, pageSize, signal }: ListOptions,
  ): Promise<Page<Invitation>> => {
    const page = await fetchOffsetPage(context, {
      path: path`/organizations/${organizationId}/invitations`,
      key: 'invitations',
      item: WireInvitation,
      cursor,
      pageSize,
      signal,
      capped: false,
      operation: 'invitations.list',
    });
    return {
      items: await Promise.all(page.items.map((wire) => map(wire, organizationId, signal))),
      next: page.next,
    };
  };
  return {
    list: (organizationId, options) => list(organizationId, options),
    async get(organizationId, invitationId, { signal }) {
      const { data } = await http.request({
        method: 'GET',
        path: path`/organizations/${organizationId}/invitations/${invitationId}`,
        schema: WireInvitation,
        signal,
      });
      return map(data, organizationId, signal);
    },
    async create(organizationId, input, { signal }) {
      if (!context.invitationClientId) {
        throw new OrgPortError(
          'failed_precondition',
          'invitations.create: set invitationClientId (the application users are invited to)',
          { vendor },
        );
      }
      // The facade lets only organization-scope grants (Auth0 roles) reach here.
      const roleIds = (input.grants ?? []).map((grant) => grant.groupId);
      // The transport's clock: the vendor's timestamps are compared with it.
      const started = http.clock.now();
      const write = async () => {
        const { data } = await http.request({
          method: 'POST',
          path: path`/organizations/${organizationId}/invitations`,
          json: {
            inviter: { name: input.inviterName ?? context.defaultInviterName },
            invitee: { email: input.email },
            client_id: context.invitationClientId,
            ...(roleIds.length > 0 ? { roles: roleIds } : {}),
            ...(input.ttlSeconds !== undefined ? { ttl_sec: input.ttlSeconds } : {}),
          },
          schema: WireInvitation,
          signal,
        });
        return map(data, organizationId, signal);
      };
      // After an unknown outcome, an invitation to the same email created since we started is ours.
      const verify = async () => {
        const pending = paginate({
          fetchPage: (cursor) => list(organizationId, { cursor, signal }),
          idOf: (i) => i.id,
          signal,
          vendor,
        });
        for await (const invitation of pending) {
          const mine =
            invitation.email.toLowerCase() === input.email.toLowerCase() &&
            Date.parse(invitation.createdAt ?? '') >= started - 5000;
          if (mine) return invitation;
        }
        return undefined;
      };
      return verifiedWrite({ write, verify });
    },
    async delete(organizationId, invitationId, { signal }) {
      await http.request({
        method: 'DELETE',
        path: path`/organizations/${organizationId}/invitations/${invitationId}`,
        signal,
      });
    },
  };
}
