/** How much a {@link Logger} is told, from least to most. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** Fields of one log record: plain values, never secrets (orgport redacts messages it makes). */
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * Where orgport's long-running parts (a migration, a fleet worker, the CLI) log: one
 * structured record per call, fields first and message second, as pino's methods take them,
 * so a pino logger (or any with the same four methods) can be passed as it is.
 */
export interface Logger {
  /** Something failed and was given up on. */
  error(fields: LogFields, message: string): void;
  /** Something failed and will be retried, or was refused. */
  warn(fields: LogFields, message: string): void;
  /** Progress a person watching would want: starts, finishes, reclaimed jobs. */
  info(fields: LogFields, message: string): void;
  /** Every operation's outcome. */
  debug(fields: LogFields, message: string): void;
}
