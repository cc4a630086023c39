import type { Logger, LogLevel } from '@orgport/core';
import { OrgPortError } from '@orgport/core/errors';
import { createCliLogger, LOG_FORMATS, LOG_LEVELS } from './cli-logger.js';

/** The logging part of the global options. */
export interface LogOptions {
  /** `--log-format text|json`. */
  readonly logFormat?: string | undefined;
  /** `--log-level error|warn|info|debug`. */
  readonly logLevel?: string | undefined;
}

/**
 * The structured logger `--log-format json` asks for (JSON lines on stderr, at
 * `--log-level`, secrets redacted), used by `worker` and `migrate` in place of their text
 * lines and progress; `undefined` for the default text output. A bad value is
 * `invalid_argument` naming the choices.
 */
export function loggerFromOptions(options: LogOptions, secrets: readonly string[] = []): Logger | undefined {
  const format = options.logFormat ?? 'text';
  const level = options.logLevel ?? 'info';
  if (!(LOG_FORMATS as readonly string[]).includes(format))
    throw new OrgPortError('invalid_argument', `--log-format must be one of ${LOG_FORMATS.join(', ')}`);
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new OrgPortError('invalid_argument', `--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  if (format !== 'json') return undefined;
  return createCliLogger({
    format: 'json',
    level: level as LogLevel,
    secrets,
    write: (line) => process.stderr.write(line),
  });
}
