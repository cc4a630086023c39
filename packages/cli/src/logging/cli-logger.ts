import type { LogFields, Logger, LogLevel } from '@orgport/core';
import { redact } from '@orgport/core/driver';
import { terminalCell } from '../output/terminal-text.js';

/** `--log-level` values, least to most told. */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const satisfies readonly LogLevel[];

/** `--log-format` values: `text` for people, `json` (one object per line) for collectors. */
export const LOG_FORMATS = ['text', 'json'] as const;

/** Options of {@link createCliLogger}. */
export interface CliLoggerOptions {
  readonly level: LogLevel;
  readonly format: (typeof LOG_FORMATS)[number];
  /** Where records go (the CLI: stderr). */
  readonly write: (line: string) => void;
  /** Values never written, whatever field or message holds them (e.g. a connection's secret). */
  readonly secrets?: readonly string[] | undefined;
  /** The time of a record. Default: now. */
  readonly now?: (() => Date) | undefined;
}

/**
 * The CLI's logger: records at `level` or more severe, as text lines (`warn add_member failed
 * code=unavailable …`, vendor text escaped) or JSON lines (`{"level":"warn","time":…,"msg":…}`),
 * with every secret and any `Bearer`/`Basic` credential redacted from the whole line.
 */
export function createCliLogger(options: CliLoggerOptions): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level);
  const secrets = options.secrets ?? [];
  const now = options.now ?? (() => new Date());
  const record =
    (level: LogLevel) =>
    (fields: LogFields, message: string): void => {
      if (LOG_LEVELS.indexOf(level) > threshold) return;
      const time = now().toISOString();
      let line: string;
      if (options.format === 'json') {
        // Fields first, so level, time and msg can never be replaced by a field of the same name.
        line = JSON.stringify({ ...fields, level, time, msg: message });
      } else {
        const pairs = Object.entries(fields)
          .filter(([, value]) => value !== undefined)
          .map(
            ([key, value]) =>
              `${key}=${typeof value === 'string' && /[\s"=]/.test(value) ? JSON.stringify(value) : String(value)}`,
          );
        line = terminalCell([time, level, message, ...pairs].join(' '));
      }
      options.write(`${redact(line, secrets)}\n`);
    };
  return { error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') };
}
