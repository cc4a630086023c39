import type { LogFields, Logger } from '@orgport/core';
import { describe, expect, it } from 'vitest';
import { logFleetEvent } from '../src/fleet-log.js';

describe('logFleetEvent', () => {
  it('logs each worker event once, at the level a person watching needs', () => {
    const records: [string, LogFields, string][] = [];
    const at =
      (level: string) =>
      (fields: LogFields, message: string): void => {
        records.push([level, fields, message]);
      };
    const logger: Logger = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
    const failure = { planId: 'p1', job: 'chains 0', code: 'unavailable', message: 'connection refused' };
    logFleetEvent(logger, { type: 'started', workerId: 'w1' });
    logFleetEvent(logger, { type: 'failure', ...failure, operationId: 'op_1', permanent: false });
    logFleetEvent(logger, { type: 'failure', ...failure, permanent: true });
    logFleetEvent(logger, { type: 'sessionLost', workerId: 'w1', message: 'terminated' });
    logFleetEvent(logger, { type: 'reclaimed', workerIds: ['w2', 'w3'], reason: 'stalled' });
    logFleetEvent(logger, { type: 'outcome', planId: 'p1', status: 'applied' });
    logFleetEvent(logger, { type: 'fatal', message: 'schema 3, expected 4' });
    expect(records.map(([level, , message]) => `${level} ${message}`)).toEqual([
      'info worker started',
      'warn failed; will retry',
      'error failed for good',
      'warn lost the store; reconnecting',
      'info took back the jobs of stalled workers',
      'debug operation recorded',
      'error worker stopped',
    ]);
    expect(records[1]![1]).toMatchObject({
      planId: 'p1',
      operationId: 'op_1',
      code: 'unavailable',
      permanent: false,
    });
    expect(records[4]![1]).toMatchObject({ workerIds: 'w2,w3', reason: 'stalled' });
  });
});
