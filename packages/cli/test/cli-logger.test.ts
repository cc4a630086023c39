import { describe, expect, it } from 'vitest';
import { createCliLogger } from '../src/logging/cli-logger.js';
import { loggerFromOptions } from '../src/logging/logger-from-options.js';

const at = new Date('2026-12-06T12:00:00.000Z');
function recorder(
  level: 'error' | 'warn' | 'info' | 'debug',
  format: 'text' | 'json',
  secrets: string[] = [],
) {
  const lines: string[] = [];
  const logger = createCliLogger({
    level,
    format,
    secrets,
    now: () => at,
    write: (line) => lines.push(line),
  });
  return { logger, lines };
}

describe('the CLI logger', () => {
  it('writes one JSON object per line, at the level asked and more severe only', () => {
    const { logger, lines } = recorder('warn', 'json');
    logger.debug({ a: 1 }, 'hidden');
    logger.info({ a: 2 }, 'hidden too');
    logger.warn({ operationId: 'op_1', code: 'unavailable' }, 'add_member failed');
    logger.error({ planId: 'p1' }, 'failed for good');
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      {
        operationId: 'op_1',
        code: 'unavailable',
        level: 'warn',
        time: at.toISOString(),
        msg: 'add_member failed',
      },
      { planId: 'p1', level: 'error', time: at.toISOString(), msg: 'failed for good' },
    ]);
    expect(lines.every((line) => line.endsWith('}\n') && line.indexOf('\n') === line.length - 1)).toBe(true);
  });

  it('never lets a field replace level, time or msg', () => {
    const { logger, lines } = recorder('debug', 'json');
    logger.info({ level: 'debug', msg: 'forged', time: 'then' }, 'real');
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', msg: 'real', time: at.toISOString() });
  });

  it('redacts known secrets and any Bearer or Basic credential, in both formats', () => {
    for (const format of ['json', 'text'] as const) {
      const { logger, lines } = recorder('info', format, ['s3cret-value']);
      logger.info(
        { detail: 'password s3cret-value rejected' },
        'sent Authorization: Bearer abcdefgh12345678',
      );
      logger.info({ detail: 'Basic dXNlcjpwYXNzd29yZA==' }, 'retry');
      const all = lines.join('');
      expect(all).not.toContain('s3cret-value');
      expect(all).not.toContain('abcdefgh12345678');
      expect(all).not.toContain('dXNlcjpwYXNzd29yZA==');
      expect(lines).toHaveLength(2);
    }
  });

  it('keeps a text record on one line with vendor text escaped', () => {
    const { logger, lines } = recorder('info', 'text');
    logger.warn({ detail: 'line one\nline two \u001b[2J', code: 'not_found' }, 'invite failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^2026-12-06T12:00:00\.000Z warn invite failed /);
    expect(lines[0]!.trimEnd()).not.toContain('\n');
    expect(lines[0]).not.toContain('\u001b');
    expect(lines[0]).toContain('code=not_found');
  });

  it('is chosen by --log-format json and refuses unknown formats and levels', () => {
    expect(loggerFromOptions({})).toBeUndefined();
    expect(loggerFromOptions({ logFormat: 'text', logLevel: 'debug' })).toBeUndefined();
    expect(loggerFromOptions({ logFormat: 'json', logLevel: 'warn' })).toMatchObject({
      warn: expect.any(Function),
    });
    expect(() => loggerFromOptions({ logFormat: 'xml' })).toThrow(/--log-format must be one of text, json/);
    expect(() => loggerFromOptions({ logFormat: 'json', logLevel: 'trace' })).toThrow(
      /--log-level must be one of error, warn, info, debug/,
    );
  });
});
