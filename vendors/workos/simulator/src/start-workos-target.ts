import type { Clock } from '@orgport/core';
import type { FaultOptions } from '@orgport/simulator-kit';
import { startWorkOSSimulator } from './start-workos-simulator.js';
import { WorkOSApiClient } from './workos-api-client.js';
import type { WorkOSTarget } from './workos-target.js';

/** Options of {@link startWorkOSSimulatorTarget}. */
export interface WorkOSSimulatorTargetOptions {
  readonly seed?: number | undefined;
  readonly clock?: Clock | undefined;
  /** Faults of the simulator itself (they would reach the seeder too: prefer the fault proxy). */
  readonly faults?: FaultOptions | undefined;
  /** Whether multiple roles are enabled. Default false. */
  readonly multipleRoles?: boolean | undefined;
}

/**
 * The simulator as a conformance target: one adapter key, one seeder key, no rate limits
 * (the seeder shares AuthKit's per-environment limits; limits are tested on their own).
 */
export async function startWorkOSSimulatorTarget(
  options: WorkOSSimulatorTargetOptions = {},
): Promise<WorkOSTarget> {
  const sim = await startWorkOSSimulator({
    apiKeys: ['sk_test_adapter', 'sk_test_seeder'],
    multipleRoles: options.multipleRoles ?? false,
    rateLimits: false,
    clock: options.clock,
    faults: options.faults,
  });
  let requests = 0;
  return {
    url: sim.url,
    seeder: new WorkOSApiClient(sim.url, ['sk_test_seeder'], Number.POSITIVE_INFINITY),
    multipleRoles: options.multipleRoles ?? false,
    adapterKey: () => 'sk_test_adapter',
    countRequest: () => void requests++,
    adapterRequests: () => requests,
    seedMembers: (organizationId, count, emailPrefix) =>
      Array.from({ length: count }, (_, n) => {
        const user = sim.store.addUser({ email: `${emailPrefix}-${n}@example.com` });
        sim.store.addMembership(organizationId, user.id, ['member']);
        return { id: user.id, email: user.email };
      }),
    removeUsers: (userIds) => {
      const gone = new Set(userIds);
      for (const id of gone) sim.store.users.delete(id);
      for (const [id, m] of sim.store.memberships) if (gone.has(m.user_id)) sim.store.memberships.delete(id);
    },
    stats: sim.stats,
    faults: options.faults ? sim.faults : undefined,
    close: sim.close,
  };
}
