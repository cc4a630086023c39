import { OrgPortError, throwIfAborted } from '@orgport/core';
import { type OrganizationPort, offsetCursor } from '@orgport/core/driver';
import type { BetterAuthContext, ResolvedBetterAuth } from '../better-auth-context.js';
import type { OrganizationRow } from '../model/better-auth-rows.js';
import { toOrganization } from '../model/to-organization.js';
import { pageOf } from './offset-page.js';

/** The organization row with this id; `not_found` otherwise. */
export async function requireOrganization(
  auth: ResolvedBetterAuth,
  organizationId: string,
): Promise<OrganizationRow> {
  const row = await auth.org.findOrganizationById(organizationId);
  if (!row)
    throw new OrgPortError('not_found', `No organization with id ${organizationId}`, {
      vendor: 'better-auth',
    });
  return row;
}

/**
 * Organizations through the plugin's data layer: Better Auth has no call that lists every
 * organization, and its create, update and delete endpoints need a member's session, so
 * reads page `findMany` and writes use `getOrgAdapter`'s own functions (the plugin's
 * `organizationHooks` do not run for them).
 */
export function betterAuthOrganizationsPort(context: BetterAuthContext): OrganizationPort {
  const { vendor } = context;
  return {
    list: ({ cursor, pageSize, signal }) =>
      context.run(signal, async (auth) => {
        const { page, size, offset } = pageOf(cursor, pageSize, context.pageSize);
        const rows = await auth.db.findMany<OrganizationRow>({
          model: 'organization',
          limit: size,
          offset,
          sortBy: { field: 'id', direction: 'asc' },
        });
        return { items: rows.map(toOrganization), next: offsetCursor.after(page, size, rows.length) };
      }),
    get: (organizationId, { signal }) =>
      context.run(signal, async (auth) => toOrganization(await requireOrganization(auth, organizationId))),
    getByName: (name, { signal }) =>
      context.run(signal, async (auth) => {
        const row = await auth.org.findOrganizationBySlug(name);
        if (!row) throw new OrgPortError('not_found', `No organization with slug ${name}`, { vendor });
        return toOrganization(row);
      }),
    create: (input, { signal }) =>
      context.run(signal, async (auth) => {
        if (await auth.org.findOrganizationBySlug(input.name))
          throw new OrgPortError('already_exists', `An organization with slug ${input.name} exists`, {
            vendor,
          });
        throwIfAborted(signal, vendor);
        const created = await auth.org.createOrganization({
          organization: {
            name: input.displayName ?? input.name,
            slug: input.name,
            ...(input.metadata ? { metadata: input.metadata } : {}),
            ...(input.branding?.logoUrl ? { logo: input.branding.logoUrl } : {}),
            createdAt: new Date(),
          },
        });
        return toOrganization(created);
      }),
    update: (organizationId, input, { signal }) =>
      context.run(signal, async (auth) => {
        await requireOrganization(auth, organizationId);
        if (input.name !== undefined) {
          const holder = await auth.org.findOrganizationBySlug(input.name);
          if (holder && holder.id !== organizationId)
            throw new OrgPortError('already_exists', `An organization with slug ${input.name} exists`, {
              vendor,
            });
        }
        throwIfAborted(signal, vendor);
        const updated = await auth.org.updateOrganization(organizationId, {
          ...(input.name !== undefined ? { slug: input.name } : {}),
          ...(input.displayName !== undefined ? { name: input.displayName } : {}),
          ...(input.metadata !== undefined ? { metadata: input.metadata } : {}),
          ...(input.branding?.logoUrl !== undefined ? { logo: input.branding.logoUrl } : {}),
        });
        if (!updated)
          throw new OrgPortError('not_found', `No organization with id ${organizationId}`, { vendor });
        return toOrganization(updated);
      }),
    delete: (organizationId, { signal }) =>
      context.run(signal, async (auth) => {
        if (auth.options.disableOrganizationDeletion)
          throw new OrgPortError(
            'failed_precondition',
            'the app disables organization deletion (organization({ disableOrganizationDeletion: true }))',
            { vendor },
          );
        await requireOrganization(auth, organizationId);
        throwIfAborted(signal, vendor);
        await auth.org.deleteOrganization(organizationId);
      }),
  };
}
