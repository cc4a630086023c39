import { createDirectory } from '@orgport/core';
import { workosVendorSimulator } from '@orgport/simulator-workos';
import { describe, expect, it } from 'vitest';
import { createWorkOSAdapter } from '../src/index.js';

// The simulator as `orgport sim workos` starts it: a fixture tenant the adapter reads.
describe('the WorkOS simulator as the vendor registry starts it', () => {
  it('serves the fixture tenant: organizations by external id, members, admins by role', async () => {
    const running = await workosVendorSimulator.start({
      fixtures: { seed: 5, organizations: 2, membersPerOrg: 30 },
    });
    try {
      const directory = createDirectory(
        createWorkOSAdapter({
          apiKey: running.connection.apiKey as string,
          baseUrl: running.connection.baseUrl,
        }),
      );
      const organizations = await directory.organizations.list().toArray();
      expect(organizations).toHaveLength(2);
      const first = organizations[0];
      if (!first) throw new Error('no organization');
      const members = await directory.members.list(first.id).toArray();
      expect(members).toHaveLength(30);
      expect(members.some((m) => m.kinds.includes('admin'))).toBe(true);
      expect(running.stats.requests).toBeGreaterThan(0);
      await directory.close();
    } finally {
      await running.close();
    }
  });

  it('has no half-onboarded preset', async () => {
    await expect(
      workosVendorSimulator.start({
        fixtures: { seed: 5, organizations: 1, membersPerOrg: 1 },
        preset: 'half-onboarded',
      }),
    ).rejects.toThrow(/no half-onboarded preset/);
  });
});
