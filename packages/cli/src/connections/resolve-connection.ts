import { existsSync, readFileSync } from 'node:fs';
import { OrgPortError } from '@orgport/core';
import { formatIssues, type VendorDefinition } from '@orgport/core/driver';
import { VENDORS } from '../vendors/vendors.js';
import { ConfigFileSchema, type ConnectionSpec } from './connection-spec.js';
import { DEFAULT_CONFIG_FILE } from './default-config-file.js';

type Env = Readonly<Record<string, string | undefined>>;

/** A vendor's settings from its `ORGPORT_*` environment variables. */
const fromEnvironment = (vendor: VendorDefinition<object>, env: Env): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(vendor.environment).map(([setting, variable]) => [setting, env[variable]]),
  );

/** Replaces `env:NAME` values with the variable's value (a missing variable is an error naming it, never its value). */
function expandEnv(values: Record<string, unknown>, env: Env, where: string): Record<string, unknown> {
  // Object.fromEntries defines own properties: a `__proto__` key stays a key (and the
  // vendor's strict schema refuses it) instead of replacing the prototype.
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => {
      if (typeof value !== 'string' || !value.startsWith('env:')) return [key, value];
      const name = value.slice(4);
      const resolved = env[name];
      if (resolved === undefined)
        throw new OrgPortError(
          'invalid_argument',
          `${where}.${key}: environment variable ${name} is not set`,
        );
      return [key, resolved];
    }),
  );
}

/** Reads the config file's connections (none when the default file is absent). */
export function readConfig(path: string | undefined): Map<string, Record<string, unknown>> {
  const file = path ?? DEFAULT_CONFIG_FILE;
  if (!existsSync(file)) {
    if (path) throw new OrgPortError('invalid_argument', `config file ${path} does not exist`);
    return new Map();
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new OrgPortError(
      'invalid_argument',
      `config file ${file} is not valid JSON (${(error as Error).message})`,
    );
  }
  const parsed = ConfigFileSchema.safeParse(json);
  if (!parsed.success)
    throw new OrgPortError('invalid_argument', `config file ${file}: ${formatIssues(parsed.error)}`);
  return new Map(Object.entries(parsed.data.connections));
}

/**
 * Resolves a connection name: a named connection of the config file, or a vendor name
 * (`auth0`, `cloud-org`) configured from `ORGPORT_*` environment variables.
 */
export async function resolveConnection(
  name: string,
  configPath: string | undefined,
  env: Env = process.env,
): Promise<ConnectionSpec> {
  const connections = readConfig(configPath);
  const named = connections.get(name);
  const fromVendor = named ? undefined : VENDORS.get(name);
  const raw = named
    ? expandEnv(named, env, `connections.${name}`)
    : fromVendor
      ? { vendor: name, ...fromEnvironment(fromVendor, env) }
      : undefined;
  if (!raw) {
    const known = [...connections.keys(), ...VENDORS.keys()].join(', ');
    throw new OrgPortError('invalid_argument', `unknown connection "${name}" (known: ${known})`);
  }
  const { vendor: vendorName, ...rest } = raw;
  const vendor = typeof vendorName === 'string' ? VENDORS.get(vendorName) : undefined;
  if (!vendor)
    throw new OrgPortError(
      'invalid_argument',
      `connection ${name}: vendor: must be one of ${[...VENDORS.keys()].join(', ')}`,
    );
  const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  const { connectionSchema } = await vendor.load();
  const parsed = connectionSchema.safeParse(defined);
  if (!parsed.success)
    throw new OrgPortError('invalid_argument', `connection ${name}: ${formatIssues(parsed.error)}`);
  return { vendor: vendor.name, settings: parsed.data };
}
