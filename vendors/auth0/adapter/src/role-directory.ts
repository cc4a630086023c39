import { OrgPortError } from '@orgport/core';
import type { z } from 'zod';
import type { WireRole } from './wire/auth0-wire-schemas.js';

type Role = z.infer<typeof WireRole>;

/**
 * The tenant's roles, loaded once (single flight) and reloaded when a lookup misses, so
 * kind grants and invitation mapping do not list roles on every call.
 */
export class RoleDirectory {
  private roles: Map<string, Role> | undefined;
  private loading: Promise<Map<string, Role>> | undefined;

  /** `load` fetches every tenant role. */
  constructor(
    private readonly load: (signal?: AbortSignal) => Promise<Role[]>,
    private readonly vendor: string,
  ) {}

  private async all(signal?: AbortSignal, refresh = false): Promise<Map<string, Role>> {
    if (this.roles && !refresh) return this.roles;
    this.loading ??= this.load(signal)
      .then((roles) => {
        this.roles = new Map(roles.map((role) => [role.id, role]));
        return this.roles;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  /** Every role. */
  async list(signal?: AbortSignal): Promise<Role[]> {
    return [...(await this.all(signal)).values()];
  }

  /** A role's name, or its id when unknown (never fails). */
  nameOf(id: string): string {
    return this.roles?.get(id)?.name ?? id;
  }

  /** Makes sure names of `ids` are known, reloading once on a miss. */
  async ensure(ids: readonly string[], signal?: AbortSignal): Promise<void> {
    const roles = await this.all(signal);
    if (ids.some((id) => !roles.has(id))) await this.all(signal, true);
  }

  /** Ids of the roles whose names (case-insensitive) are in `names`; fails when none exists. */
  async idsNamed(names: ReadonlySet<string>, purpose: string, signal?: AbortSignal): Promise<string[]> {
    let roles = await this.all(signal);
    let ids = [...roles.values()].filter((role) => names.has(role.name.toLowerCase())).map((role) => role.id);
    if (ids.length === 0) {
      roles = await this.all(signal, true);
      ids = [...roles.values()].filter((role) => names.has(role.name.toLowerCase())).map((role) => role.id);
    }
    if (ids.length === 0) {
      throw new OrgPortError(
        'failed_precondition',
        `No Auth0 role named ${[...names].join(' or ')} exists for ${purpose}; create it or set roleKinds`,
        { vendor: this.vendor },
      );
    }
    return ids;
  }
}
