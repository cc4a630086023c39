/** The graphile-worker task identifiers of the fleet's jobs. */
export const TASK = {
  /** Creates a plan's organizations, then queues its chains. Payload `{ planId }`. */
  organizations: 'orgport_organizations',
  /**
   * Runs a run of consecutive member chains, one after another. Payload `{ planId, first,
   * count }`: indexes in `memberChains(plan.operations)`.
   */
  chains: 'orgport_chains',
} as const;
