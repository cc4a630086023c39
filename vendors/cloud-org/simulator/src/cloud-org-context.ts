import type { SimRequest, SimResponse, SimRoute } from '@orgport/simulator-kit';
import type { CloudOrganization, CloudOrgStore, CloudProduct } from './cloud-org-store.js';

/** Behaviours the reference marks unconfirmed, switchable per simulator. */
export interface CloudOrgQuirks {
  /** Status for an existing organization the caller may not act on: 403, 404 or 400. Default 403. */
  readonly forbiddenStatus: 403 | 404 | 400;
  /** Whether admins also appear in the v2 `members` array. Default false. */
  readonly adminsInMembers: boolean;
  /** Send `null` instead of empty member arrays (older spec copies). Default false. */
  readonly nullArrays: boolean;
  /** Refuse removing or demoting the last admin with 400. Default true. */
  readonly protectLastAdmin: boolean;
  /** Deleting a group or product removes its memberships and invitations. Default true. */
  readonly cascadeDeletes: boolean;
  /** Format of `X-Rate-Limit-Reset`: seconds from now, epoch seconds or an ISO date. Default `iso`. */
  readonly resetFormat: 'seconds' | 'epoch' | 'iso';
  /** 400 body: `{"field":["message"]}`, ASP.NET problem details, or plain text. Default `dictionary`. */
  readonly errorBody: 'dictionary' | 'problem' | 'text';
  /** List the credential's own account in member lists. Default true (set false for a dedicated service user). */
  readonly listCaller: boolean;
  /**
   * What one rate-limit budget covers (unconfirmed): each credential's route and method
   * (the former docs' "each endpoint"), or the whole credential. Default `route`.
   */
  readonly rateLimitScope: 'route' | 'credential';
}

/** What every cloud-org route handler can reach. */
export interface CloudOrgContext {
  readonly store: CloudOrgStore;
  readonly quirks: CloudOrgQuirks;
}

/** A route of the management API. */
export type CloudOrgRoute = SimRoute;

/** The caller's user id (set by authentication). */
export const callerOf = (request: SimRequest): string => request.state.userId as string;

/** A 400 in the configured body style. */
export function badRequest(context: CloudOrgContext, field: string, message: string): SimResponse {
  switch (context.quirks.errorBody) {
    case 'problem':
      return {
        status: 400,
        body: {
          type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
          title: 'One or more validation errors occurred.',
          status: 400,
          errors: { [field]: [message] },
        },
      };
    case 'text':
      return { status: 400, text: message, headers: { 'content-type': 'text/plain; charset=utf-8' } };
    default:
      return { status: 400, body: { [field]: [message] } };
  }
}

/** The vendor's 404. */
export const notFound = (): SimResponse => ({
  status: 404,
  text: 'Not found.',
  headers: { 'content-type': 'text/plain; charset=utf-8' },
});

/** The organization of `:organizationId`, or 404 / the forbidden status when the caller is not in it. */
export function organizationFor(
  context: CloudOrgContext,
  request: SimRequest,
  id = request.params.organizationId ?? '',
): CloudOrganization | SimResponse {
  const organization = context.store.organizations.get(id);
  if (!organization) return notFound();
  if (!context.store.memberships.get(id)?.has(callerOf(request))) {
    return context.quirks.forbiddenStatus === 404
      ? notFound()
      : context.quirks.forbiddenStatus === 400
        ? badRequest(context, 'organizationId', 'Forbidden.')
        : { status: 403, text: 'Forbidden.', headers: { 'content-type': 'text/plain; charset=utf-8' } };
  }
  return organization;
}

/** The product of `:productId` (checked against the caller's organizations), or an error response. */
export function productFor(
  context: CloudOrgContext,
  request: SimRequest,
  id = request.params.productId ?? '',
): CloudProduct | SimResponse {
  const product = context.store.products.get(id);
  if (!product) return notFound();
  const organization = organizationFor(context, request, product.organizationId);
  return isError(organization) ? organization : product;
}

/** Whether the caller is an admin of the organization. */
export const callerIsAdmin = (
  context: CloudOrgContext,
  request: SimRequest,
  organizationId: string,
): boolean => context.store.memberships.get(organizationId)?.get(callerOf(request))?.isAdmin === true;

/** Type guard for an early response. */
export function isError(value: unknown): value is SimResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    !('organizationId' in value) &&
    !('productId' in value)
  );
}

/** `ProductModel` with its organization embedded. */
export function renderProduct(context: CloudOrgContext, product: CloudProduct) {
  const organization = context.store.organizations.get(product.organizationId);
  return {
    organization: { organizationId: product.organizationId, name: organization?.name ?? '' },
    productId: product.productId,
    name: product.name,
    description: product.description,
    order: product.order,
    reasonRequired: product.reasonRequired,
    approveRequired: product.approveRequired,
  };
}

/** A uuid path parameter, or undefined when malformed. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
