import type { Capabilities, CapabilityName } from '../capabilities/capabilities.js';
import type { Operation } from '../capabilities/operations.js';
import type {
  ClientGrant,
  Connection,
  ConnectionSettings,
  CreateInvitationInput,
  CreateOrganizationInput,
  GrantInput,
  GrantScope,
  Invitation,
  Member,
  Organization,
  PermissionGrant,
  PermissionGroup,
  Product,
  UpdateOrganizationInput,
  User,
} from '../domain/index.js';
import type { OrgPortError } from '../errors/orgport-error.js';
import type { PagedList } from '../pagination/paged-list.js';
import type { Adapter } from '../ports/adapter.js';
import type { CallOptions } from '../ports/call-options.js';
import type { FacadeMethod } from './facade-types.js';

/** Options of a facade list call. */
export interface DirectoryListOptions extends CallOptions {
  /** Preferred page size (the adapter clamps it to the vendor's limits). */
  readonly pageSize?: number | undefined;
}

/** Organizations through the facade. */
export interface OrganizationsApi {
  /** Every organization the credentials can see. */
  list(options?: DirectoryListOptions): PagedList<Organization>;
  /** One organization; `not_found` when absent. */
  get(organizationId: string, options?: CallOptions): Promise<Organization>;
  /** One organization by its unique name; `not_found` when absent. */
  getByName(name: string, options?: CallOptions): Promise<Organization>;
  /** Creates an organization; `already_exists` when the name is taken. */
  create(input: CreateOrganizationInput, options?: CallOptions): Promise<Organization>;
  /** Changes an organization and returns it. */
  update(
    organizationId: string,
    input: UpdateOrganizationInput,
    options?: CallOptions,
  ): Promise<Organization>;
  /** Deletes an organization and its memberships (not its users). */
  delete(organizationId: string, options?: CallOptions): Promise<void>;
}

/** Memberships through the facade. */
export interface MembersApi {
  /** Every member of the organization, each once, streamed page by page. */
  list(organizationId: string, options?: DirectoryListOptions): PagedList<Member>;
  /** Adds existing users (by id) as members; re-adding a member is not an error. */
  add(organizationId: string, userIds: readonly string[], options?: CallOptions): Promise<void>;
  /** Removes users from the organization; removing a non-member is not an error. */
  remove(organizationId: string, userIds: readonly string[], options?: CallOptions): Promise<void>;
  /** Every organization the user belongs to. */
  organizationsOf(userId: string, options?: DirectoryListOptions): PagedList<Organization>;
}

/** One organization-level kind (admins or billing managers) through the facade. */
export interface MemberKindApi {
  /** The members holding this kind. */
  list(organizationId: string, options?: DirectoryListOptions): PagedList<Member>;
  /** Gives a member this kind (idempotent). */
  grant(organizationId: string, userId: string, options?: CallOptions): Promise<void>;
  /** Takes this kind away (idempotent). */
  revoke(organizationId: string, userId: string, options?: CallOptions): Promise<void>;
}

/** Permission groups and grants through the facade. */
export interface PermissionsApi {
  /** The permission groups in one scope, or in every scope. */
  groups(scope?: GrantScope, options?: DirectoryListOptions): PagedList<PermissionGroup>;
  /** Every grant of one member. */
  grants(organizationId: string, userId: string, options?: CallOptions): Promise<readonly PermissionGrant[]>;
  /** Makes the member's grants exactly `grants`. */
  set(
    organizationId: string,
    userId: string,
    grants: readonly GrantInput[],
    options?: CallOptions,
  ): Promise<void>;
  /**
   * Adds the listed grants, keeping every other (idempotent); in a product scope a listed
   * group replaces the member's group in that product. Only the change is sent: a grant
   * someone else made meanwhile survives.
   */
  grant(
    organizationId: string,
    userId: string,
    grants: readonly GrantInput[],
    options?: CallOptions,
  ): Promise<void>;
  /** Revokes the listed grants (idempotent). */
  revoke(
    organizationId: string,
    userId: string,
    grants: readonly GrantInput[],
    options?: CallOptions,
  ): Promise<void>;
}

/** Invitations through the facade. */
export interface InvitationsApi {
  /** Pending invitations of the organization. */
  list(organizationId: string, options?: DirectoryListOptions): PagedList<Invitation>;
  /** One invitation; `not_found` when absent. */
  get(organizationId: string, invitationId: string, options?: CallOptions): Promise<Invitation>;
  /** Invites an email address. */
  create(organizationId: string, input: CreateInvitationInput, options?: CallOptions): Promise<Invitation>;
  /** Revokes an invitation. */
  delete(organizationId: string, invitationId: string, options?: CallOptions): Promise<void>;
}

/** Enabled connections through the facade. */
export interface ConnectionsApi {
  /** Connections enabled for the organization. */
  list(organizationId: string, options?: DirectoryListOptions): PagedList<Connection>;
  /** One enabled connection. */
  get(organizationId: string, connectionId: string, options?: CallOptions): Promise<Connection>;
  /** Enables a connection for the organization. */
  enable(
    organizationId: string,
    connectionId: string,
    settings?: ConnectionSettings,
    options?: CallOptions,
  ): Promise<Connection>;
  /** Changes an enabled connection's settings. */
  update(
    organizationId: string,
    connectionId: string,
    settings: ConnectionSettings,
    options?: CallOptions,
  ): Promise<Connection>;
  /** Disables a connection for the organization. */
  disable(organizationId: string, connectionId: string, options?: CallOptions): Promise<void>;
}

/** Products through the facade. */
export interface ProductsApi {
  /** The organization's products. */
  list(organizationId: string, options?: DirectoryListOptions): PagedList<Product>;
}

/** Users through the facade. */
export interface UsersApi {
  /** The user with this email (case-insensitive), or undefined. */
  findByEmail(email: string, options?: CallOptions): Promise<User | undefined>;
}

/** Client grants through the facade. */
export interface ClientGrantsApi {
  /** Grants associated with the organization. */
  list(organizationId: string, options?: DirectoryListOptions): PagedList<ClientGrant>;
  /** Associates a tenant client grant with the organization. */
  associate(organizationId: string, grantId: string, options?: CallOptions): Promise<ClientGrant>;
  /** Removes the association. */
  remove(organizationId: string, grantId: string, options?: CallOptions): Promise<void>;
}

/**
 * The portable, vendor-neutral API over one adapter. Every call validates its input
 * (`invalid_argument`) and checks the capability (`unsupported`) before any request,
 * pages lazily, and fails only with `OrgPortError`.
 */
export interface Directory<A extends Adapter = Adapter> {
  /** The adapter's name. */
  readonly name: string;
  /** The adapter's capability manifest. */
  readonly capabilities: Capabilities;
  /** True when the adapter has the capability. */
  supports(name: CapabilityName): boolean;
  /**
   * Runs every check a call would pass before any request (capability, input schemas,
   * graded capabilities, the vendor's own input rules) without sending it: the error the
   * call would fail with, or `undefined` when the vendor would accept it. Planners use it
   * so that a plan holds only operations the target accepts.
   *
   * @example
   * ```ts
   * const refused = directory.check('organizations.create', { name: 'Fundamental Architecture' });
   * ```
   */
  check<Op extends Operation>(operation: Op, ...args: Parameters<FacadeMethod<Op>>): OrgPortError | undefined;
  /**
   * Whether this tenant can carry an operation at all, whatever its arguments: `unsupported`
   * without the capability, `failed_precondition` naming what the tenant lacks (e.g. the
   * Auth0 role behind the admin kind), or `undefined`. Reads only; planners ask it before
   * planning writes that would otherwise fail every time at apply.
   */
  prerequisite(operation: Operation, options?: CallOptions): Promise<OrgPortError | undefined>;
  /** The organization name the vendor accepts for a wanted one (identity unless the vendor restricts names). */
  organizationName(name: string): string;
  /** Organizations. */
  readonly organizations: OrganizationsApi;
  /** Memberships. */
  readonly members: MembersApi;
  /** Organization admins. */
  readonly admins: MemberKindApi;
  /** Billing managers. */
  readonly billingManagers: MemberKindApi;
  /** Permission groups and grants. */
  readonly permissions: PermissionsApi;
  /** Invitations. */
  readonly invitations: InvitationsApi;
  /** Enabled connections. */
  readonly connections: ConnectionsApi;
  /** Products. */
  readonly products: ProductsApi;
  /** Client grants. */
  readonly clientGrants: ClientGrantsApi;
  /** Users of the tenant. */
  readonly users: UsersApi;
  /**
   * The adapter under this directory, typed as it was given to `createDirectory`: the
   * escape hatch to a vendor-only call orgport has no operation for (go-cloud's `As`), e.g.
   * an adapter's `raw` HTTP client, which keeps its retries, pacing, auth and redaction.
   * Calls through it skip the facade: no input validation, capability check or tracing.
   *
   * @example
   * ```ts
   * const auth0 = createDirectory(createAuth0Adapter({ domain, clientId, clientSecret }));
   * const { data } = await auth0.unwrap().raw.request({ method: 'GET', path: '/roles', schema: Roles });
   * ```
   */
  unwrap(): A;
  /** Closes the adapter (sockets, timers). */
  close(): Promise<void>;
}
