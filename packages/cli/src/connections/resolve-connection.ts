import { existsSync, readFileSync } from 'node:fs';
import { formatIssues, OrgPortError } from '@orgport/core';
import { ConfigFileSchema, type ConnectionSpec, ConnectionSpecSchema, VENDORS } from './connection-spec.js';

/** The default config file, looked up in the working directory. */
export const DEFAULT_CONFIG_FILE = 'orgport.config.json';

type Env = Readonly<Record<string, string | undefined>>;

const fromEnvironment = (vendor: (typeof VENDORS)[number], env: Env): Record<string, unknown> =>
  vendor === 'auth0'
    ? {
        vendor,
        domain: env.ORGPORT_AUTH0_DOMAIN,
        baseUrl: env.ORGPORT_AUTH0_BASE_URL,
        clientId: env.ORGPORT_AUTH0_CLIENT_ID,
        clientSecret: env.ORGPORT_AUTH0_CLIENT_SECRET,
        token: env.ORGPORT_AUTH0_TOKEN,
      }
    : {
        vendor,
        baseUrl: env.ORGPORT_CLOUD_ORG_BASE_URL,
        username: env.ORGPORT_CLOUD_ORG_USERNAME,
        password: env.ORGPORT_CLOUD_ORG_PASSWORD,
      };

/** Replaces `env:NAME` values with the variable's value (a missing variable is an error naming it, never its value). */
function expandEnv(values: Record<string, unknown>, env: Env, where: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string' && value.startsWith('env:')) {
      const name = value.slice(4);
      const resolved = env[name];
      if (resolved === undefined)
        throw new OrgPortError(
          'invalid_argument',
          `${where}.${key}: environment variable ${name} is not set`,
        );
      out[key] = resolved;
    } else out[key] = value;
  }
  return out;
}

/** Reads the config file's connections (none when the default file is absent). */
export function readConfig(path: string | undefined): Record<string, Record<string, unknown>> {
  const file = path ?? DEFAULT_CONFIG_FILE;
  if (!existsSync(file)) {
    if (path) throw new OrgPortError('invalid_argument', `config file ${path} does not exist`);
    return {};
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
  return parsed.data.connections;
}

/**
 * Resolves a connection name: a named connection of the config file, or a vendor name
 * (`auth0`, `cloud-org`) configured from `ORGPORT_*` environment variables.
 */
export function resolveConnection(
  name: string,
  configPath: string | undefined,
  env: Env = process.env,
): ConnectionSpec {
  const connections = readConfig(configPath);
  const named = connections[name];
  const raw = named
    ? expandEnv(named, env, `connections.${name}`)
    : (VENDORS as readonly string[]).includes(name)
      ? fromEnvironment(name as (typeof VENDORS)[number], env)
      : undefined;
  if (!raw) {
    const known = [...Object.keys(connections), ...VENDORS].join(', ');
    throw new OrgPortError('invalid_argument', `unknown connection "${name}" (known: ${known})`);
  }
  const defined = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined));
  const parsed = ConnectionSpecSchema.safeParse(defined);
  if (!parsed.success)
    throw new OrgPortError('invalid_argument', `connection ${name}: ${formatIssues(parsed.error)}`);
  return parsed.data;
}
