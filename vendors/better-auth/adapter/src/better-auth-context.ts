import { OrgPortError, throwIfAborted } from '@orgport/core';
import { getOrgAdapter } from 'better-auth/plugins/organization';
import type { BetterAuthRoleKinds } from './better-auth-adapter-options.js';
import { toBetterAuthError } from './better-auth-errors.js';
import type { BetterAuthInstance } from './better-auth-instance.js';
import type { DatabaseAdapter } from './model/better-auth-rows.js';
import type {
  AddMemberCall,
  InternalAdapter,
  OrganizationDataLayer,
  OrganizationPluginOptions,
} from './model/organization-plugin.js';
import type { RoleClasses } from './model/role-kinds.js';

/** The adapter's name in errors, events and manifests. */
export const BETTER_AUTH_VENDOR = 'better-auth';

/** Better Auth's built-in organization roles. */
const BUILT_IN_ROLES = ['owner', 'admin', 'member'] as const;

/** Everything a port needs once the app's instance is resolved. */
export interface ResolvedBetterAuth {
  /** The database adapter: paged `findMany` and `count` over any database Better Auth supports. */
  readonly db: DatabaseAdapter;
  /** Users. */
  readonly users: InternalAdapter;
  /** The plugin's data layer (`getOrgAdapter`). */
  readonly org: OrganizationDataLayer;
  /** `auth.api.addMember`. */
  readonly addMember: AddMemberCall;
  /** The plugin's options, as the app gave them. */
  readonly options: OrganizationPluginOptions;
  /** Role names by meaning. */
  readonly classes: RoleClasses;
}

/** What every port shares: the lazily resolved instance, settings, and a guard for every call. */
export interface BetterAuthContext {
  /** `better-auth`. */
  readonly vendor: string;
  /** Page size for lists. */
  readonly pageSize: number;
  /** The configured inviter, if any. */
  readonly inviterId: string | undefined;
  /** The instance once resolved (undefined before the first call, when a module is still loading). */
  resolved(): ResolvedBetterAuth | undefined;
  /**
   * Runs `work` against the resolved instance: refuses a fired signal first, and turns
   * whatever Better Auth or its database throws into an `OrgPortError` naming it.
   */
  run<T>(signal: AbortSignal | undefined, work: (auth: ResolvedBetterAuth) => Promise<T>): Promise<T>;
}

interface PluginLike {
  readonly id?: unknown;
  readonly options?: unknown;
}

/** The organization plugin's options in an instance; `invalid_argument` when the plugin is absent. */
export function organizationOptions(auth: BetterAuthInstance): OrganizationPluginOptions {
  const plugins = (auth.options as { readonly plugins?: readonly unknown[] } | undefined)?.plugins ?? [];
  const plugin = plugins.find(
    (candidate): candidate is PluginLike =>
      typeof candidate === 'object' && candidate !== null && (candidate as PluginLike).id === 'organization',
  );
  if (!plugin)
    throw new OrgPortError(
      'invalid_argument',
      'the Better Auth instance has no organization plugin: add organization() to its plugins',
      { vendor: BETTER_AUTH_VENDOR },
    );
  return (plugin.options ?? {}) as OrganizationPluginOptions;
}

/** The role classes of an app: its creator role, the configured kind roles. */
export function roleClasses(
  options: OrganizationPluginOptions,
  kinds: BetterAuthRoleKinds | undefined,
): RoleClasses {
  return {
    admin: kinds?.admin ?? ['admin', 'owner'],
    billingManager: kinds?.billingManager ?? ['billing_manager'],
    base: 'member',
    creator: options.creatorRole ?? 'owner',
  };
}

/** Every role the app defines in code: Better Auth's built-in ones and `organization({ roles })`. */
export function staticRoles(options: OrganizationPluginOptions): Set<string> {
  return new Set([...BUILT_IN_ROLES, ...Object.keys(options.roles ?? {})]);
}

async function resolve(
  auth: BetterAuthInstance,
  kinds: BetterAuthRoleKinds | undefined,
): Promise<ResolvedBetterAuth> {
  const options = organizationOptions(auth);
  const context = (await auth.$context) as {
    adapter: DatabaseAdapter;
    internalAdapter: InternalAdapter;
  };
  const addMember = (auth.api as { addMember?: AddMemberCall }).addMember;
  if (typeof addMember !== 'function')
    throw new OrgPortError('invalid_argument', 'the Better Auth instance has no auth.api.addMember', {
      vendor: BETTER_AUTH_VENDOR,
    });
  return {
    db: context.adapter,
    users: context.internalAdapter,
    org: getOrgAdapter(context as never, options as never) as unknown as OrganizationDataLayer,
    addMember,
    options,
    classes: roleClasses(options, kinds),
  };
}

/** Builds the shared context over an instance, or a promise of one (resolved on first use). */
export function createBetterAuthContext(settings: {
  auth: BetterAuthInstance | Promise<BetterAuthInstance>;
  roleKinds?: BetterAuthRoleKinds | undefined;
  inviterId?: string | undefined;
  pageSize?: number | undefined;
}): BetterAuthContext {
  let resolved: ResolvedBetterAuth | undefined;
  let pending: Promise<ResolvedBetterAuth> | undefined;
  const load = (): Promise<ResolvedBetterAuth> => {
    pending ??= Promise.resolve(settings.auth)
      .then((auth) => resolve(auth, settings.roleKinds))
      .then((value) => {
        resolved = value;
        return value;
      });
    return pending;
  };
  return {
    vendor: BETTER_AUTH_VENDOR,
    pageSize: settings.pageSize ?? 200,
    inviterId: settings.inviterId,
    resolved: () => resolved,
    async run(signal, work) {
      throwIfAborted(signal, BETTER_AUTH_VENDOR);
      try {
        return await work(resolved ?? (await load()));
      } catch (error) {
        throw toBetterAuthError(error, signal);
      }
    },
  };
}
