import type { Directory, GrantInput } from '@orgport/core';
import { toGrantInput } from './grant-difference.js';

interface OrganizationGrants {
  readonly readAt: number;
  readonly grants: Promise<ReadonlyMap<string, GrantInput[]>>;
}

/**
 * What members hold on the target now, for applying planned grant changes: one streamed
 * read of an organization's members (grants inline) serves every member of it for
 * `maxAgeMs`, instead of one read per member (on vendors without a single-member read,
 * that was a whole member list per write). A member missing from the read is read on its
 * own (`permissions.grants`), or holds nothing when the plan saw nothing and added them.
 */
export class CurrentGrants {
  private readonly organizations = new Map<string, OrganizationGrants>();

  constructor(
    private readonly target: Directory,
    private readonly maxAgeMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The member's grants on the target, at most `maxAgeMs` old. */
  async of(
    organizationId: string,
    userId: string,
    expected: readonly GrantInput[],
    signal?: AbortSignal,
  ): Promise<readonly GrantInput[]> {
    const { target } = this;
    if (!target.capabilities['members.list']) return this.member(organizationId, userId, expected, signal);
    const held = (await this.organization(organizationId, signal)).get(userId);
    if (held) return held;
    // Not there when the organization was read: added by this run since (the plan saw
    // nothing), or gone; a single read tells.
    if (expected.length === 0) return [];
    return this.member(organizationId, userId, expected, signal);
  }

  /** One member's grants read on their own, or what the plan saw where the target cannot read them. */
  private async member(
    organizationId: string,
    userId: string,
    expected: readonly GrantInput[],
    signal?: AbortSignal,
  ): Promise<readonly GrantInput[]> {
    if (!this.target.capabilities['permissions.grants']) return expected;
    return (await this.target.permissions.grants(organizationId, userId, { signal })).map(toGrantInput);
  }

  private organization(
    organizationId: string,
    signal?: AbortSignal,
  ): Promise<ReadonlyMap<string, GrantInput[]>> {
    const cached = this.organizations.get(organizationId);
    if (cached && this.now() - cached.readAt <= this.maxAgeMs) return cached.grants;
    const grants = (async () => {
      const byUser = new Map<string, GrantInput[]>();
      for await (const member of this.target.members.list(organizationId, { signal }))
        byUser.set(member.user.id, member.grants.map(toGrantInput));
      return byUser;
    })();
    // A failed read is not kept: the next member asks again.
    grants.catch(() => this.organizations.delete(organizationId));
    this.organizations.set(organizationId, { readAt: this.now(), grants });
    return grants;
  }
}
