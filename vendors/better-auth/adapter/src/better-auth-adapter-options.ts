import type { BetterAuthInstance } from './better-auth-instance.js';

/** Which Better Auth roles make a member an admin or a billing manager. */
export interface BetterAuthRoleKinds {
  /**
   * Roles that make a member an admin; `admins.grant` writes the first. Default
   * `['admin', 'owner']` (Better Auth's built-in roles).
   */
  readonly admin?: readonly string[] | undefined;
  /**
   * Roles that make a member a billing manager; `billingManagers.grant` writes the first.
   * Default `['billing_manager']`: Better Auth has no such role built in, so the app defines
   * it (`organization({ roles })`) or granting billing managers is refused, naming it.
   */
  readonly billingManager?: readonly string[] | undefined;
}

/** Options of `createBetterAuthAdapter`. */
export interface BetterAuthAdapterOptions {
  /**
   * The application's own Better Auth instance (`betterAuth({ …, plugins: [organization(…)] })`),
   * or a promise of it (a module still loading). Its database, roles, limits and hooks are the
   * ones used.
   */
  readonly auth: BetterAuthInstance | Promise<BetterAuthInstance>;
  /** Role names carrying the organization-level kinds. */
  readonly roleKinds?: BetterAuthRoleKinds | undefined;
  /**
   * The user recorded as the inviter of invitations orgport creates (Better Auth requires
   * one). Default: an owner, else an admin, of the organization; an organization with
   * neither refuses invitations with `failed_precondition` until this is set.
   */
  readonly inviterId?: string | undefined;
  /** Page size for lists (1–1000). Default 200. */
  readonly pageSize?: number | undefined;
}
