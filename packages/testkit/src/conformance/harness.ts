import type {
  Adapter,
  GrantInput,
  Invitation,
  MemberKind,
  Organization,
  PermissionGroup,
  Product,
  User,
} from '@orgport/core';

/** What a seeded membership holds. */
export interface SeedMemberSpec {
  /** Kinds to hold; default `['member']`. */
  readonly kinds?: readonly MemberKind[];
  /** Grants to hold (groups made with `seed.role` / `seed.productGroup`). */
  readonly grants?: readonly GrantInput[];
}

/**
 * Creates test data behind the adapter's back (through the vendor simulator, an admin API
 * or the store), so tests can set up what the adapter may not be able to write. Every
 * created thing is recorded, and `close()` removes exactly those. Names passed in already
 * carry the test's prefix.
 */
export interface ConformanceSeed {
  /** An organization. */
  organization(spec: { readonly name: string; readonly displayName?: string }): Promise<Organization>;
  /** A user who belongs to no organization yet. */
  user(spec: { readonly email: string; readonly name?: string }): Promise<User>;
  /** Makes an existing user a member with the given kinds and grants. */
  member(organizationId: string, userId: string, spec?: SeedMemberSpec): Promise<void>;
  /**
   * Creates `count` users and makes them ordinary members, quickly (used for the large
   * paging tests). Emails are `<prefix>-<n>@<domain>`.
   */
  members(
    organizationId: string,
    count: number,
    spec: { readonly emailPrefix: string },
  ): Promise<readonly User[]>;
  /** An organization-scope permission group (role). Needed when grant scope `organization` is declared. */
  role?(spec: { readonly name: string }): Promise<PermissionGroup>;
  /** A product of the organization. Needed when grant scope `product` is declared. */
  product?(organizationId: string, spec: { readonly name: string }): Promise<Product>;
  /** A permission group of a product. Needed when grant scope `product` is declared. */
  productGroup?(productId: string, spec: { readonly name: string }): Promise<PermissionGroup>;
  /** A tenant-level login connection the organization can enable. Needed for `connections.*`. */
  connection?(spec: { readonly name: string }): Promise<{ readonly id: string }>;
  /** A tenant client grant that organizations can be associated with. Needed for `clientGrants.*`. */
  clientGrant?(spec: { readonly audience: string }): Promise<{ readonly id: string }>;
  /** A pending invitation. Needed for `invitations.get`/`delete` without `invitations.create`. */
  invitation?(organizationId: string, spec: { readonly email: string }): Promise<Invitation>;
}

/** What a membership looks like to a back-door read. */
export interface InspectedMembership {
  /** Kinds held. */
  readonly kinds: readonly MemberKind[];
  /** Ids of every group held, in any scope. */
  readonly groupIds: readonly string[];
}

/** Back-door reads that bypass the adapter, to check that writes really happened. */
export interface ConformanceInspect {
  /** The organization as the vendor stores it, or undefined. */
  organization(
    organizationId: string,
  ): Promise<
    { readonly id: string; readonly name: string; readonly displayName?: string | undefined } | undefined
  >;
  /** The membership as the vendor stores it, or undefined when the user is not a member. */
  membership(organizationId: string, userId: string): Promise<InspectedMembership | undefined>;
}

/** How soon a read sees a write. */
export type ConformanceConsistency = 'strong' | { readonly eventualMs: number };

/** One test's world: a fresh adapter and the means to seed and inspect it. */
export interface ConformanceHarness {
  /** The adapter under test. */
  readonly adapter: Adapter;
  /** Seeds data behind the adapter's back. */
  readonly seed: ConformanceSeed;
  /** Back-door reads; without them writes are checked through the adapter's own reads. */
  readonly inspect?: ConformanceInspect | undefined;
  /**
   * How long a read may lag a write, in ms, when the adapter's manifest declares
   * `consistency: 'eventual'` (default 5,000). Consistency itself is declared once, in the
   * manifest: a `strong` adapter is checked with no waiting at all.
   */
  readonly eventualMs?: number | undefined;
  /** @deprecated Declare consistency in the manifest; only `eventualMs` of this is read. */
  readonly consistency?: ConformanceConsistency | undefined;
  /**
   * Requests the adapter has sent so far (to prove checks happen before any request), or
   * `'in-process'` for an adapter that sends no requests (it reads a store or a document):
   * the suite then counts calls into the adapter's ports instead. A harness that declares
   * neither fails every "before any request" test, with this explanation.
   */
  readonly requestCount?: (() => number) | 'in-process' | undefined;
  /** Removes what `seed` created and releases the adapter. */
  close(): Promise<void>;
}

/** What the suite tells `makeHarness` about the test it is for. */
export interface HarnessContext {
  /** Random, per-test prefix (lowercase letters and digits, ends with `-`) for ids and names. */
  readonly prefix: string;
  /** The test's full name. */
  readonly testName: string;
}
