import { OrgPortError } from '@orgport/core';
import { type OrganizationPort, path, verifiedWrite } from '@orgport/core/driver';
import { type ClerkContext, fetchOffsetPage, fetchOrganization } from '../clerk-context.js';
import { toOrganization } from '../wire/clerk-mapping.js';
import { WireOrganization, WireOrganizations } from '../wire/clerk-wire-schemas.js';

/** The organization by slug, or undefined. */
async function bySlug(context: ClerkContext, slug: string, signal?: AbortSignal) {
  try {
    return await fetchOrganization(context, slug, 'slug', signal);
  } catch (error) {
    if (OrgPortError.is(error, 'not_found')) return undefined;
    throw error;
  }
}

/**
 * Organizations: offset-paged list (oldest first, so a walk is stable while organizations
 * are created), reads by id and by slug (`GET /organizations/{id or slug}`), create with a
 * slug check first (the slug is orgport's unique `name`), rename, private metadata merged
 * through `/metadata` (API version 2026-05-12 takes it nowhere else), delete.
 */
export function clerkOrganizationsPort(context: ClerkContext): OrganizationPort {
  const { vendor } = context;
  return {
    async list({ cursor, pageSize, signal }) {
      const { body, next } = await fetchOffsetPage(context, {
        path: '/organizations',
        query: { order_by: '+created_at' },
        schema: WireOrganizations,
        cursor,
        pageSize,
        signal,
      });
      return { items: body.data.map(toOrganization), next };
    },
    get: (organizationId, { signal }) => fetchOrganization(context, organizationId, 'id', signal),
    getByName: (name, { signal }) => fetchOrganization(context, name, 'slug', signal),
    async create(input, { signal }) {
      if (await bySlug(context, input.name, signal))
        throw new OrgPortError('already_exists', `An organization with slug ${input.name} exists`, {
          vendor,
        });
      // A create is not safe to repeat: when its outcome is unknown, look for it first.
      return verifiedWrite({
        write: async () => {
          const { data } = await context.http.request({
            method: 'POST',
            path: '/organizations',
            json: {
              name: input.displayName ?? input.name,
              slug: input.name,
              ...(input.metadata ? { private_metadata: input.metadata } : {}),
            },
            schema: WireOrganization,
            signal,
          });
          return toOrganization(data);
        },
        verify: () => bySlug(context, input.name, signal),
      });
    },
    async update(organizationId, input, { signal }) {
      const fields = {
        ...(input.displayName !== undefined ? { name: input.displayName } : {}),
        ...(input.name !== undefined ? { slug: input.name } : {}),
      };
      if (input.name !== undefined) {
        const holder = await bySlug(context, input.name, signal);
        if (holder && holder.id !== organizationId)
          throw new OrgPortError('already_exists', `An organization with slug ${input.name} exists`, {
            vendor,
          });
      }
      if (Object.keys(fields).length > 0 || input.metadata === undefined) {
        await context.http.request({
          method: 'PATCH',
          path: path`/organizations/${organizationId}`,
          json: fields,
          schema: WireOrganization,
          idempotent: true,
          signal,
        });
      }
      if (input.metadata !== undefined) {
        // Merged; a null value removes its key.
        await context.http.request({
          method: 'PATCH',
          path: path`/organizations/${organizationId}/metadata`,
          json: { private_metadata: input.metadata },
          schema: WireOrganization,
          idempotent: true,
          signal,
        });
      }
      return fetchOrganization(context, organizationId, 'id', signal);
    },
    async delete(organizationId, { signal }) {
      await context.http.request({
        method: 'DELETE',
        path: path`/organizations/${organizationId}`,
        signal,
      });
    },
  };
}
