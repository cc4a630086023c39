import { createHash } from 'node:crypto';
import { OrgPortError } from '@orgport/core/errors';
import type pg from 'pg';
import type { ConnectionSpec } from '../connections/connection-spec.js';

/** The variable `--store` falls back to, so a password in the URL need not be on the command line. */
export const STORE_VARIABLE = 'ORGPORT_STORE';

/** Query parameters of a PostgreSQL URL that carry a secret (libpq's and node-postgres's names). */
const SECRET_PARAMETERS = new Set(['password', 'sslpassword', 'sslkey', 'sslcert', 'sslrootcert']);

/**
 * The store's URL without its secrets, for messages: the password of its user part and of
 * its query (`?password=`, `sslpassword`, …) become `***`.
 */
export function describeStore(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    for (const name of [...parsed.searchParams.keys()])
      if (SECRET_PARAMETERS.has(name.toLowerCase())) parsed.searchParams.set(name, '***');
    return parsed.toString().replaceAll('%2A%2A%2A', '***');
  } catch {
    return 'the store URL';
  }
}

/** Every secret a store URL carries (to scrub from messages that may echo them). */
function storeSecrets(url: string): string[] {
  try {
    const parsed = new URL(url);
    const secrets = [parsed.password, decodeURIComponent(parsed.password)];
    for (const [name, value] of parsed.searchParams)
      if (SECRET_PARAMETERS.has(name.toLowerCase())) secrets.push(value, encodeURIComponent(value));
    return secrets.filter((secret) => secret.length > 0);
  } catch {
    return [];
  }
}

/** A message with the store URL and every secret in it replaced (a driver's error may echo them). */
export function scrubStore(message: string, url: string): string {
  let text = message.replaceAll(url, describeStore(url));
  for (const secret of storeSecrets(url)) text = text.replaceAll(secret, '***');
  return text;
}

/** Checks `--store` (given bare, or not at all: `ORGPORT_STORE`): a `postgres://` or `postgresql://` URL. */
export function storeUrl(option: string | true | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const url = typeof option === 'string' ? option : env[STORE_VARIABLE];
  if (!url)
    throw new OrgPortError('invalid_argument', `give the store: --store postgres://… or ${STORE_VARIABLE}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OrgPortError('invalid_argument', '--store must be a URL such as postgres://user@host:5432/db');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
    throw new OrgPortError('invalid_argument', '--store must be a postgres:// or postgresql:// URL');
  return url;
}

/** Opens a pool on the store (loading the PostgreSQL client only now). */
export async function openStore(url: string, max: number): Promise<pg.Pool> {
  const [{ default: postgres }, { guardPool }] = await Promise.all([import('pg'), import('@orgport/fleet')]);
  const pool = guardPool(new postgres.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 }));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new OrgPortError(
      'unavailable',
      `cannot reach the store ${describeStore(url)}: ${scrubStore((error as Error).message, url)}`,
    );
  }
  return pool;
}

/**
 * The name of a connection's shared rate budget: its vendor and a hash of its settings, so
 * every worker using one credential draws from one budget, and the settings themselves
 * (secrets among them) never reach the database.
 */
export function budgetKey(spec: ConnectionSpec): string {
  const settings = JSON.stringify(Object.entries(spec.settings).sort(([a], [b]) => a.localeCompare(b)));
  return `${spec.vendor}:${createHash('sha256').update(settings).digest('hex').slice(0, 24)}`;
}
