import { OrgPortError } from '@orgport/core';
import { type OrganizationPort, path, verifiedWrite } from '@orgport/core/driver';
import type { Auth0Context } from '../auth0-context.js';
import { toOrganization } from '../wire/auth0-mapping.js';
import { WireOrganization, wireList } from '../wire/auth0-wire-schemas.js';

const AUTH0_NAME = /^[a-z0-9_-]{1,50}$/;

/** Organizations on Auth0: checkpoint paging, lookup by name, CRUD. */
export function auth0OrganizationsPort(context: Auth0Context): OrganizationPort {
  const { http, vendor } = context;
  return {
    async list({ cursor, pageSize, signal }) {
      const { data } = await http.request({
        method: 'GET',
        path: '/organizations',
        query: { take: Math.min(100, pageSize ?? context.pageSize), from: cursor },
        schema: wireList('organizations', WireOrganization),
        signal,
      });
      return { items: data.items.map(toOrganization), next: data.next };
    },
    async get(organizationId, { signal }) {
      const { data } = await http.request({
        method: 'GET',
        path: path`/organizations/${organizationId}`,
        schema: WireOrganization,
        signal,
      });
      return toOrganization(data);
    },
    async getByName(name, { signal }) {
      if (!AUTH0_NAME.test(name))
        throw new OrgPortError('not_found', `No organization named ${name}`, { vendor });
      const { data } = await http.request({
        method: 'GET',
        path: path`/organizations/name/${name}`,
        schema: WireOrganization,
        signal,
      });
      return toOrganization(data);
    },
    async create(input, { signal }) {
      const byName = async () => {
        try {
          const { data } = await http.request({
            method: 'GET',
            path: path`/organizations/name/${input.name}`,
            schema: WireOrganization,
            signal,
          });
          return toOrganization(data);
        } catch (error) {
          if (OrgPortError.is(error, 'not_found')) return undefined;
          throw error;
        }
      };
      // Names are unique: after an unknown outcome, the name tells whether the create happened.
      return verifiedWrite({
        write: async () => {
          const { data } = await http.request({
            method: 'POST',
            path: '/organizations',
            json: toWireFields(input),
            schema: WireOrganization,
            signal,
          });
          return toOrganization(data);
        },
        verify: byName,
        conflictMeansDone: true,
      });
    },
    async update(organizationId, input, { signal }) {
      const { data } = await http.request({
        method: 'PATCH',
        path: path`/organizations/${organizationId}`,
        json: toWireFields(input),
        schema: WireOrganization,
        // Setting fields to given values is safe to send twice.
        idempotent: true,
        signal,
      });
      return toOrganization(data);
    },
    async delete(organizationId, { signal }) {
      await http.request({ method: 'DELETE', path: path`/organizations/${organizationId}`, signal });
    },
  };
}

function toWireFields(input: {
  name?: string | undefined;
  displayName?: string | undefined;
  metadata?: Readonly<Record<string, string | null>> | undefined;
  branding?:
    | { logoUrl?: string | undefined; colors?: { primary: string; pageBackground: string } | undefined }
    | undefined;
}): Record<string, unknown> {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
    ...(input.metadata !== undefined ? { metadata: input.metadata } : {}),
    ...(input.branding !== undefined
      ? {
          branding: {
            ...(input.branding.logoUrl !== undefined ? { logo_url: input.branding.logoUrl } : {}),
            ...(input.branding.colors
              ? {
                  colors: {
                    primary: input.branding.colors.primary,
                    page_background: input.branding.colors.pageBackground,
                  },
                }
              : {}),
          },
        }
      : {}),
  };
}
