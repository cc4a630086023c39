import { postgresBinaries } from './throwaway-postgres.js';

/** Set (to anything) where PostgreSQL must be present, as `.ci/run` does: its tests then fail rather than skip. */
export const REQUIRE_POSTGRES_VARIABLE = 'ORGPORT_REQUIRE_POSTGRES';

/**
 * Why tests that need a PostgreSQL server should be skipped on this machine, or undefined
 * when they can run (the server programs are installed, or they are required). Tests print
 * it, so a skip always says why.
 */
export function postgresSkipReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (postgresBinaries() || env[REQUIRE_POSTGRES_VARIABLE]) return undefined;
  return 'PostgreSQL server programs (initdb, pg_ctl) are not installed: install the postgresql package to run the fleet tests';
}
