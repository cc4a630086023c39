import { createDirectory, type Directory, OrgPortError } from '@orgport/core';
import type { VendorDefinition } from '@orgport/core/driver';

/**
 * The directory the configuration names: `ORGPORT_VENDOR` picks the vendor, and its own
 * `ORGPORT_*` variables (listed by its definition, e.g. `ORGPORT_AUTH0_CLIENT_SECRET`) give
 * the connection. A missing or unknown setting is an `invalid_argument` naming the
 * variable, never its value.
 */
export async function directoryFromEnvironment(
  vendors: ReadonlyMap<string, VendorDefinition<object>>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ readonly vendor: string; readonly directory: Directory }> {
  const name = env['ORGPORT_VENDOR'];
  const vendor = name === undefined ? undefined : vendors.get(name);
  if (!vendor)
    throw new OrgPortError(
      'invalid_argument',
      `ORGPORT_VENDOR must name a vendor (known: ${[...vendors.keys()].join(', ')})`,
    );
  const settings = new Map<string, string>();
  for (const [setting, variable] of Object.entries(vendor.environment)) {
    const value = env[variable];
    if (value !== undefined && value !== '') settings.set(setting, value);
  }
  const connector = await vendor.load();
  const incomplete = () =>
    new OrgPortError(
      'invalid_argument',
      `the ${vendor.name} connection is incomplete or invalid: check ${Object.values(vendor.environment).join(', ')}`,
    );
  const parsed = connector.connectionSchema.safeParse(Object.fromEntries(settings));
  if (!parsed.success) throw incomplete();
  try {
    return { vendor: vendor.name, directory: createDirectory(connector.create(parsed.data)) };
  } catch (error) {
    // The adapter's own option checks (e.g. "either domain or baseUrl") name options, not variables.
    if (OrgPortError.is(error, 'invalid_argument')) throw incomplete();
    throw error;
  }
}
