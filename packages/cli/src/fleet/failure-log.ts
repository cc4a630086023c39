import type { FleetWorkerEvent } from '@orgport/fleet';

// Characters JSON.stringify leaves as they are but a terminal would act on: DEL and the C1
// controls, and the bidirectional overrides and isolates.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * One failure as one JSON line (for stderr): `level`, `time`, `event` (`operation_failed`
 * or `job_failed`), `planId`, `job`, `operationId`, `code`, `permanent`, `message`. Every
 * failure a worker meets is told once this way; control characters are escaped.
 */
export function failureLine(
  event: Extract<FleetWorkerEvent, { type: 'failure' }>,
  now: Date = new Date(),
): string {
  const record = {
    level: 'error',
    time: now.toISOString(),
    event: event.operationId === undefined ? 'job_failed' : 'operation_failed',
    planId: event.planId,
    job: event.job,
    ...(event.operationId === undefined ? {} : { operationId: event.operationId }),
    code: event.code,
    permanent: event.permanent,
    message: event.message,
  };
  return `${JSON.stringify(record).replace(UNSAFE_IN_JSON, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
