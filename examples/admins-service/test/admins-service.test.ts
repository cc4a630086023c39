import type { Directory } from '@orgport/core';
import type { RunningVendorSimulator } from '@orgport/core/driver';
import { fixtures } from '@orgport/simulator-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { type AdminsService, startAdminsService } from '../src/admins-service.js';
import { directoryFromEnvironment } from '../src/directory-from-environment.js';
import { SERVICE_VENDORS } from '../src/vendors.js';

const SEED = { seed: 11, organizations: 2, membersPerOrg: 60 };
// The simulators seed these same fixtures (default ratios: member 0 is always an admin).
const tenant = fixtures(SEED);
const running: { simulator?: RunningVendorSimulator; service?: AdminsService } = {};

afterEach(async () => {
  await running.service?.close();
  await running.simulator?.close();
  running.service = undefined;
  running.simulator = undefined;
});

/** The environment a deployment would set for the vendor: ORGPORT_VENDOR and its own variables. */
function environmentFor(vendor: string, connection: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const definition = SERVICE_VENDORS.get(vendor)!;
  const env: NodeJS.ProcessEnv = { ORGPORT_VENDOR: vendor };
  for (const [setting, variable] of Object.entries(definition.environment)) {
    const value = connection[setting];
    if (value !== undefined) env[variable] = value;
  }
  return env;
}

async function organizationIdNamed(directory: Directory, name: string, displayName: string): Promise<string> {
  for await (const organization of directory.organizations.list()) {
    if (organization.name === name || organization.name === displayName) return organization.id;
  }
  throw new Error(`no organization named ${name}`);
}

describe.each([...SERVICE_VENDORS.keys()])('the admins service configured for %s', (vendor) => {
  it('answers each organization with exactly its admins', async () => {
    const definition = SERVICE_VENDORS.get(vendor)!;
    const simulator = await (await definition.loadSimulator!()).start({ fixtures: SEED });
    running.simulator = simulator;
    const { directory } = await directoryFromEnvironment(
      SERVICE_VENDORS,
      environmentFor(vendor, simulator.connection),
    );
    running.service = await startAdminsService(directory);

    for (const organization of tenant.organizations()) {
      const members = [...tenant.members(organization.index)];
      const expected = members
        .filter((member) => member.kinds.includes('admin'))
        .map((member) => member.user.email)
        .sort();
      const id = await organizationIdNamed(directory, organization.name, organization.displayName);
      const response = await fetch(`${running.service.url}/organizations/${encodeURIComponent(id)}/admins`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { admins: { email: string }[] };
      // cloud-org also lists the API's own user, an admin of every organization it made.
      const people = new Set(members.map((member) => member.user.email));
      const answered = body.admins.map((admin) => admin.email);
      expect(answered.filter((email) => people.has(email)).sort()).toEqual(expected);
      expect(answered.length - expected.length).toBeLessThanOrEqual(vendor === 'cloud-org' ? 1 : 0);
      expect(expected.length).toBeGreaterThan(0);
    }
  });

  it('answers 404 for an unknown organization and for other routes', async () => {
    const definition = SERVICE_VENDORS.get(vendor)!;
    const simulator = await (await definition.loadSimulator!()).start({ fixtures: SEED });
    running.simulator = simulator;
    const { directory } = await directoryFromEnvironment(
      SERVICE_VENDORS,
      environmentFor(vendor, simulator.connection),
    );
    running.service = await startAdminsService(directory);

    const missing = await fetch(`${running.service.url}/organizations/org_nobody_has_this/admins`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
    expect((await fetch(`${running.service.url}/members`)).status).toBe(404);
  });
});

describe('the configuration', () => {
  it('names the known vendors when ORGPORT_VENDOR is missing or unknown', async () => {
    await expect(directoryFromEnvironment(SERVICE_VENDORS, {})).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('auth0'),
    });
    await expect(directoryFromEnvironment(SERVICE_VENDORS, { ORGPORT_VENDOR: 'okta' })).rejects.toMatchObject(
      {
        code: 'invalid_argument',
      },
    );
  });

  it('names the variables, never their values, when a connection is incomplete', async () => {
    const error = await directoryFromEnvironment(SERVICE_VENDORS, {
      ORGPORT_VENDOR: 'auth0',
      ORGPORT_AUTH0_CLIENT_SECRET: 'secret-value-123',
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('ORGPORT_AUTH0_DOMAIN'),
    });
    expect(String((error as Error).message)).not.toContain('secret-value-123');
  });
});
