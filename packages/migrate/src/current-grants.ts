import type { Directory, GrantInput } from '@orgport/core';
import { toGrantInput } from './grant-difference.js';

type GrantsByUser = ReadonlyMap<string, GrantInput[]>;

/**
 * Reads of one organization's member list, each started only after whoever asks for it:
 * a caller never gets a read that was already under way when it asked (that read may
 * predate a change the caller must see). Callers that ask while a read runs share the
 * next one, so concurrent members cost one read, not one each.
 */
class FreshOrganizationReads {
  private running: Promise<GrantsByUser> | undefined;
  private queued: Promise<GrantsByUser> | undefined;

  constructor(private readonly readOnce: () => Promise<GrantsByUser>) {}

  /** A read that begins after this call. */
  read(): Promise<GrantsByUser> {
    if (!this.running) return this.start();
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    return this.queued;
  }

  private start(): Promise<GrantsByUser> {
    const read = this.readOnce();
    this.running = read;
    const clear = () => {
      if (this.running === read) this.running = undefined;
    };
    read.then(clear, clear);
    return read;
  }
}

/**
 * What a member holds on the target **now**, for a write that depends on it: every answer
 * comes from a read that began after the question, never from an earlier read of the
 * organization (which another run or an administrator may have changed since).
 *
 * Where the member list is one document (`pagination: 'none'`, as cloud-org: reading one
 * member costs reading them all), members asking at once share the next read of the
 * organization. Elsewhere one member is read with `permissions.grants`; a target without it
 * is walked with `members.list` until the member is found; a target with neither gives back
 * what the plan saw.
 */
export class CurrentGrants {
  private readonly organizations = new Map<string, FreshOrganizationReads>();

  constructor(private readonly target: Directory) {}

  /**
   * The member's grants on the target, read now. `expected` (what the plan saw) is the
   * answer only where the target can read neither one member nor its member list, or
   * when the member is not in the organization and the plan saw nothing.
   */
  async of(
    organizationId: string,
    userId: string,
    expected: readonly GrantInput[],
    signal?: AbortSignal,
  ): Promise<readonly GrantInput[]> {
    const caps = this.target.capabilities;
    if (caps['members.list'] && (caps.pagination === 'none' || !caps['permissions.grants'])) {
      const held = (await this.organization(organizationId, signal).read()).get(userId);
      if (held) return held;
      // Not in the organization now: the plan added them (and the list lags), or they left.
      if (expected.length === 0 || !caps['permissions.grants']) return expected.length === 0 ? [] : expected;
    }
    if (caps['permissions.grants'])
      return (await this.target.permissions.grants(organizationId, userId, { signal })).map(toGrantInput);
    return expected;
  }

  private organization(organizationId: string, signal?: AbortSignal): FreshOrganizationReads {
    let reads = this.organizations.get(organizationId);
    if (!reads) {
      reads = new FreshOrganizationReads(async () => {
        const byUser = new Map<string, GrantInput[]>();
        for await (const member of this.target.members.list(organizationId, { signal }))
          byUser.set(member.user.id, member.grants.map(toGrantInput));
        return byUser;
      });
      this.organizations.set(organizationId, reads);
    }
    return reads;
  }
}
