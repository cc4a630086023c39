import { type Organization, OrgPortError } from '@orgport/core';
import { fetchCursorPage, type OrganizationPort, path, verifiedWrite } from '@orgport/core/driver';
import { toOrganization } from '../wire/workos-mapping.js';
import { WireOrganization, WireOrganizationList } from '../wire/workos-wire-schemas.js';
import { fetchOrganization, type WorkOSContext } from '../workos-context.js';

/** The spec's limit on `external_id`, which holds orgport's unique organization name. */
const EXTERNAL_ID_MAX = 128;

/**
 * Organizations: orgport's unique `name` is WorkOS's `external_id` (unique, with a direct
 * read), `displayName` is WorkOS's `name`. Creating checks the external id first (WorkOS
 * answers 409 for a taken one; the emulator does not check), and a create whose outcome is
 * unknown is verified by the same read before it is sent again.
 */
export function workosOrganizationsPort(context: WorkOSContext): OrganizationPort {
  const { http, vendor } = context;
  const byExternalId = async (name: string, signal?: AbortSignal): Promise<Organization | undefined> => {
    try {
      const { data } = await http.request({
        method: 'GET',
        path: path`/organizations/external_id/${name}`,
        schema: WireOrganization,
        signal,
      });
      return toOrganization(data);
    } catch (error) {
      if (OrgPortError.is(error, 'not_found')) return undefined;
      throw error;
    }
  };
  const checkName = (name: string, field: string) => {
    if (name.length > EXTERNAL_ID_MAX)
      throw new OrgPortError(
        'invalid_argument',
        `${field}: WorkOS keeps the unique organization name in external_id, at most ${EXTERNAL_ID_MAX} characters`,
        { vendor },
      );
  };
  const metadataOf = (metadata: Readonly<Record<string, string | null>> | undefined) =>
    metadata === undefined
      ? {}
      : {
          metadata: Object.fromEntries(
            Object.entries(metadata).filter((entry): entry is [string, string] => entry[1] !== null),
          ),
        };
  return {
    list: (options) =>
      fetchCursorPage(
        {
          http,
          path: '/organizations',
          query: { order: 'asc' },
          schema: WireOrganizationList,
          items: (body) => body.data.map(toOrganization),
          next: (body) => body.list_metadata?.after,
        },
        options,
      ),
    get: (organizationId, { signal }) => fetchOrganization(context, organizationId, signal),
    async getByName(name, { signal }) {
      const found = await byExternalId(name, signal);
      if (found) return found;
      throw new OrgPortError('not_found', `No organization named ${name}`, { vendor });
    },
    async create(input, { signal }) {
      checkName(input.name, 'input.name');
      if (await byExternalId(input.name, signal))
        throw new OrgPortError('already_exists', `An organization named ${input.name} exists`, { vendor });
      return verifiedWrite({
        write: async () => {
          const { data } = await http.request({
            method: 'POST',
            path: '/organizations',
            json: {
              name: input.displayName ?? input.name,
              external_id: input.name,
              ...metadataOf(input.metadata),
            },
            schema: WireOrganization,
            signal,
          });
          return toOrganization(data);
        },
        verify: () => byExternalId(input.name, signal),
      });
    },
    async update(organizationId, input, { signal }) {
      if (input.name !== undefined) checkName(input.name, 'input.name');
      const { data } = await http.request({
        method: 'PUT',
        path: path`/organizations/${organizationId}`,
        json: {
          ...(input.displayName !== undefined ? { name: input.displayName } : {}),
          ...(input.name !== undefined ? { external_id: input.name } : {}),
          ...metadataOf(input.metadata),
        },
        schema: WireOrganization,
        signal,
      });
      return toOrganization(data);
    },
    async delete(organizationId, { signal }) {
      await http.request({ method: 'DELETE', path: path`/organizations/${organizationId}`, signal });
    },
  };
}
