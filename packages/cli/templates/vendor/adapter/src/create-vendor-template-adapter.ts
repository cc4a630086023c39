import type { Adapter, Member, Organization } from '@orgport/core';
import {
  createHttpClient,
  fetchCursorPage,
  type HttpClient,
  type HttpTransportOptions,
  path,
  staticBearer,
} from '@orgport/core/driver';
import { OrgPortError } from '@orgport/core/errors';
import { VENDOR_TEMPLATE_CAPABILITIES } from './vendor-template-capabilities.js';
import { WireMembers, WireOrganizations } from './vendor-template-wire.js';

/** Options of {@link createVendorTemplateAdapter}. */
export interface VendorTemplateAdapterOptions {
  /** API origin (`https:` unless loopback). */
  readonly baseUrl: string;
  /** API key, sent as a bearer token. Never logged, never in errors. */
  readonly apiKey: string;
  /** Transport overrides (retry, timeouts, clock, events…). */
  readonly http?: HttpTransportOptions | undefined;
}

/** The VendorTemplate adapter, with its HTTP client for calls orgport has no operation for. */
export interface VendorTemplateAdapter extends Adapter {
  /** The adapter's HTTP client (retries, pacing, auth, redaction): the escape hatch. */
  readonly raw: HttpClient;
}

/** The VendorTemplate adapter: a cursor-paged REST API (`?limit=&after=`). */
export function createVendorTemplateAdapter(options: VendorTemplateAdapterOptions): VendorTemplateAdapter {
  if (!options.apiKey) throw new OrgPortError('invalid_argument', 'options.apiKey: must not be empty');
  const vendor = 'vendor-template';
  const http = createHttpClient({
    ...options.http,
    vendor,
    baseUrl: options.baseUrl,
    auth: staticBearer(options.apiKey),
  });
  return {
    name: vendor,
    capabilities: VENDOR_TEMPLATE_CAPABILITIES,
    raw: http,
    organizations: {
      list: (listOptions) =>
        fetchCursorPage(
          {
            http,
            path: '/v1/organizations',
            schema: WireOrganizations,
            items: (body) =>
              body.data.map(
                (wire): Organization => ({
                  id: wire.id,
                  name: wire.name,
                  ...(wire.display_name === undefined ? {} : { displayName: wire.display_name }),
                }),
              ),
            next: (body) => body.list_metadata.after,
          },
          listOptions,
        ),
    },
    members: {
      list: (organizationId, listOptions) =>
        fetchCursorPage(
          {
            http,
            path: path`/v1/organizations/${organizationId}/members`,
            schema: WireMembers,
            items: (body) =>
              body.data.map(
                (wire): Member => ({
                  user: { id: wire.user.id, email: wire.user.email, name: wire.user.name },
                  organizationId,
                  kinds: wire.role === 'admin' ? ['member', 'admin'] : ['member'],
                  roles: [],
                  grants: [],
                }),
              ),
            next: (body) => body.list_metadata.after,
          },
          listOptions,
        ),
      async add(organizationId, userIds, { signal }) {
        for (const userId of userIds)
          await http.request({
            method: 'PUT',
            path: path`/v1/organizations/${organizationId}/members/${userId}`,
            signal,
          });
      },
      async remove(organizationId, userIds, { signal }) {
        for (const userId of userIds)
          await http.request({
            method: 'DELETE',
            path: path`/v1/organizations/${organizationId}/members/${userId}`,
            signal,
          });
      },
    },
    close: () => http.close(),
  };
}
