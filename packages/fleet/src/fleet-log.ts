import type { Logger } from '@orgport/core';
import type { FleetWorkerEvent } from './fleet-worker-event.js';

/**
 * One log record per worker event, at the level a person watching the fleet needs: a
 * failure once as `error` (given up) or `warn` (retried later), a lost store session as
 * `warn`, starts and reclaimed jobs as `info`, plan outcomes as `debug`. Messages are the
 * worker's own, already free of secrets.
 */
export function logFleetEvent(logger: Logger, event: FleetWorkerEvent): void {
  switch (event.type) {
    case 'started':
      logger.info({ workerId: event.workerId }, 'worker started');
      return;
    case 'outcome':
      logger.debug({ planId: event.planId, status: event.status }, 'operation recorded');
      return;
    case 'reclaimed':
      logger.info(
        { workerIds: event.workerIds.join(','), reason: event.reason },
        `took back the jobs of ${event.reason} workers`,
      );
      return;
    case 'sessionLost':
      logger.warn({ workerId: event.workerId, detail: event.message }, 'lost the store; reconnecting');
      return;
    case 'failure': {
      const fields = {
        planId: event.planId,
        job: event.job,
        operationId: event.operationId,
        code: event.code,
        permanent: event.permanent,
        detail: event.message,
      };
      if (event.permanent) logger.error(fields, 'failed for good');
      else logger.warn(fields, 'failed; will retry');
      return;
    }
    case 'fatal':
      logger.error({ detail: event.message }, 'worker stopped');
      return;
    case 'error':
      logger.error({ detail: event.message }, 'worker error');
      return;
  }
}
