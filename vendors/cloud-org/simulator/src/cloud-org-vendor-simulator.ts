import type { VendorSimulator } from '@orgport/core/driver';
import { fixtures as makeFixtures } from '@orgport/simulator-kit';
import { seedHalfOnboarded } from './seed-half-onboarded.js';
import { startCloudOrgSimulator } from './start-cloud-org-simulator.js';

/** The cloud-org simulator as the vendor registry starts it (`orgport sim cloud-org`, the demo). */
export const cloudOrgVendorSimulator: VendorSimulator = {
  async start({ fixtures, port, preset }) {
    const halfOnboarded = preset === 'half-onboarded';
    const sim = await startCloudOrgSimulator({
      seed: fixtures.seed,
      port,
      ...(halfOnboarded ? {} : { fixtures }),
    });
    if (halfOnboarded) seedHalfOnboarded(sim, makeFixtures(fixtures));
    return {
      url: sim.url,
      stats: sim.stats,
      connection: { baseUrl: sim.url, username: sim.username, password: sim.password },
      close: sim.close,
    };
  },
};
