import { z } from 'zod';
import { type Auth0Context, type Auth0Route, isResponse, organizationOr404 } from './auth0-context.js';
import { auth0Error, invalidBody, organizationNotFound } from './auth0-errors.js';
import { answerList } from './auth0-paging.js';
import type { Auth0Organization } from './auth0-store.js';

const NAME = /^[a-z0-9_-]{1,50}$/;
const Hex = z.string().regex(/^#[0-9a-fA-F]{3,8}$/);
const Branding = z
  .object({
    logo_url: z.url({ protocol: /^https$/ }).optional(),
    colors: z.object({ primary: Hex, page_background: Hex }).strict().optional(),
  })
  .strict();
const Metadata = z
  .record(z.string(), z.string().max(255).nullable())
  .refine((value) => Object.keys(value).length <= 25, { message: 'Too many properties (max 25)' });
const EnabledConnection = z
  .object({
    connection_id: z.string(),
    assign_membership_on_login: z.boolean().optional(),
    show_as_button: z.boolean().optional(),
    is_signup_enabled: z.boolean().optional(),
  })
  .strict();
const CreateBody = z
  .object({
    name: z.string().regex(NAME, { message: 'String does not match pattern ^[a-z0-9_-]{1,50}$' }),
    display_name: z.string().min(1).max(255).optional(),
    branding: Branding.optional(),
    metadata: Metadata.optional(),
    enabled_connections: z.array(EnabledConnection).max(10).optional(),
    token_quota: z.unknown().optional(),
  })
  .strict();
const UpdateBody = z
  .object({
    name: z.string().regex(NAME).optional(),
    display_name: z.string().min(1).max(255).optional(),
    branding: Branding.nullable().optional(),
    metadata: Metadata.nullable().optional(),
    token_quota: z.unknown().optional(),
  })
  .strict();

const describeIssue = (error: z.ZodError): string => {
  const issue = error.issues[0];
  return `'${issue?.message ?? 'invalid'}' on property ${issue?.path.join('.') || '(root)'}.`;
};

/** Organization CRUD and lookup by name. */
export function organizationRoutes(context: Auth0Context): Auth0Route[] {
  const { store } = context;
  const render = (organization: Auth0Organization) => ({ ...organization });
  const nameTaken = (name: string, except?: string) =>
    [...store.organizations.values()].some((org) => org.name === name && org.id !== except);

  return [
    {
      method: 'GET',
      path: '/api/v2/organizations',
      scopes: ['read:organizations', 'read:organizations_summary'],
      handler: (request) => {
        const ids = store.organizationOrder;
        return answerList(
          request,
          {
            key: 'organizations',
            checkpoint: true,
            capped: true,
            total: true,
            limit: 'per_page',
            checkpointEnd: 'omit-on-last',
          },
          {
            count: () => ids.size,
            slice: (start, size) => ids.keys().slice(start, start + size),
            after: (after, size) => {
              const { keys, last } = ids.page(after, size);
              return { items: keys, last, more: ids.hasAfter(last) };
            },
          },
          context.paging,
          (id) => render(store.organizations.get(id) as Auth0Organization),
        );
      },
    },
    {
      method: 'POST',
      path: '/api/v2/organizations',
      scopes: ['create:organizations'],
      handler: (request) => {
        const parsed = CreateBody.safeParse(request.body);
        if (!parsed.success) return invalidBody(describeIssue(parsed.error));
        const { enabled_connections: connections, token_quota: _quota, ...fields } = parsed.data;
        if (nameTaken(fields.name))
          return auth0Error(
            409,
            'An organization with the same name already exists.',
            'organization_conflict',
          );
        for (const connection of connections ?? []) {
          if (!store.connections.has(connection.connection_id))
            return auth0Error(404, 'No connection found by that id');
        }
        const organization = store.addOrganization(fields);
        if (!connections?.length) return { status: 201, body: render(organization) };
        const enabled = new Map();
        for (const c of connections) {
          enabled.set(c.connection_id, {
            assign_membership_on_login: c.assign_membership_on_login ?? false,
            show_as_button: c.show_as_button ?? true,
            ...(c.is_signup_enabled !== undefined ? { is_signup_enabled: c.is_signup_enabled } : {}),
          });
        }
        store.enabledConnections.set(organization.id, enabled);
        return {
          status: 201,
          body: {
            ...render(organization),
            enabled_connections: connections.map((c) => {
              const tenant = store.connections.get(c.connection_id);
              return {
                connection_id: c.connection_id,
                ...enabled.get(c.connection_id),
                connection: { name: tenant?.name, strategy: tenant?.strategy },
              };
            }),
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/api/v2/organizations/:id',
      scopes: ['read:organizations', 'read:organizations_summary'],
      handler: (request) => {
        const organization = organizationOr404(context, request);
        return isResponse(organization) ? organization : { status: 200, body: render(organization) };
      },
    },
    {
      method: 'GET',
      path: '/api/v2/organizations/name/:name',
      scopes: ['read:organizations'],
      handler: (request) => {
        const organization = [...store.organizations.values()].find(
          (org) => org.name === request.params.name,
        );
        return organization ? { status: 200, body: render(organization) } : organizationNotFound();
      },
    },
    {
      method: 'PATCH',
      path: '/api/v2/organizations/:id',
      scopes: ['update:organizations'],
      handler: (request) => {
        const organization = organizationOr404(context, request);
        if (isResponse(organization)) return organization;
        const parsed = UpdateBody.safeParse(request.body ?? {});
        if (!parsed.success) return invalidBody(describeIssue(parsed.error));
        const { branding, metadata, token_quota: _quota, ...fields } = parsed.data;
        if (fields.name !== undefined && nameTaken(fields.name, organization.id)) {
          return auth0Error(
            409,
            'An organization with the same name already exists.',
            'organization_conflict',
          );
        }
        Object.assign(organization, fields);
        if (branding === null) delete organization.branding;
        else if (branding !== undefined) organization.branding = branding;
        if (metadata === null) delete organization.metadata;
        else if (metadata !== undefined) {
          organization.metadata =
            context.quirks.patchMetadata === 'merge' ? { ...organization.metadata, ...metadata } : metadata;
        }
        return { status: 200, body: render(organization) };
      },
    },
    {
      method: 'DELETE',
      path: '/api/v2/organizations/:id',
      scopes: ['delete:organizations'],
      handler: (request) => {
        const organization = organizationOr404(context, request);
        if (isResponse(organization)) return organization;
        store.deleteOrganization(organization.id);
        return { status: 204 };
      },
    },
  ];
}
