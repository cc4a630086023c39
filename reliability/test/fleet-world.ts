import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { DEMO_MAPPING } from '@orgport/cli';
import { createDirectory, type Directory } from '@orgport/core';
import type { HttpTransportOptions } from '@orgport/core/driver';
import { applyMigration, type MigrationPlan, planMigration } from '@orgport/migrate';
import { startAuth0Simulator } from '@orgport/simulator-auth0';
import {
  type CloudOrgSimulator,
  seedHalfOnboarded,
  startCloudOrgSimulator,
} from '@orgport/simulator-cloud-org';
import { fixtures } from '@orgport/testkit/fixtures';

/** A migration from an Auth0 tenant into a half-onboarded cloud-org tenant, and its single-process outcome. */
export interface FleetScenario {
  readonly plan: MigrationPlan;
  /** The target after one unbroken `applyMigration`. */
  readonly expected: string;
  /** Successful writes that run sent. */
  readonly writes: number;
  /** A fresh target, as it was before the migration. */
  target(options?: {
    latencyMs?: number;
    rateLimit?: { capacity: number; refillPerSecond: number };
  }): Promise<CloudOrgSimulator>;
}

/** Successful writes a simulator served. */
export const successfulWrites = (sim: CloudOrgSimulator): number =>
  sim.stats.log.filter((entry) => entry.method !== 'GET' && entry.status >= 200 && entry.status < 300).length;

/** Opens a directory over a cloud-org simulator. */
export const openCloudOrg = (sim: CloudOrgSimulator, http?: HttpTransportOptions): Directory =>
  createDirectory(
    createCloudOrgAdapter({
      baseUrl: sim.url,
      username: sim.username,
      password: sim.password,
      ...(http ? { http } : {}),
    }),
  );

/** Plans `organizations × membersPerOrg` members and applies the plan once, in one process. */
export async function fleetScenario(
  seed: number,
  organizations: number,
  membersPerOrg: number,
): Promise<FleetScenario> {
  const data = fixtures({ seed, organizations, membersPerOrg });
  const target = async (options: Parameters<FleetScenario['target']>[0] = {}) => {
    const sim = await startCloudOrgSimulator({
      seed,
      latencyMs: options.latencyMs ?? 0,
      rateLimit: options.rateLimit ?? false,
    });
    seedHalfOnboarded(sim, data);
    return sim;
  };
  const source = await startAuth0Simulator({ seed, fixtures: data });
  const reference = await target();
  try {
    const plan = await planMigration({
      source: createDirectory(
        createAuth0Adapter({
          baseUrl: source.url,
          clientId: source.clientId,
          clientSecret: source.clientSecret,
        }),
      ),
      target: openCloudOrg(reference),
      mapping: DEMO_MAPPING,
    });
    reference.stats.reset();
    const result = await applyMigration(plan, { target: openCloudOrg(reference), concurrency: 8 });
    if (result.failed.length > 0) throw new Error(`the reference run failed: ${result.failed[0]?.reason}`);
    return { plan, expected: reference.store.dump(), writes: successfulWrites(reference), target };
  } finally {
    await Promise.all([source.close(), reference.close()]);
  }
}
