import { OPERATIONS } from '../capabilities/operations.js';
import { OrgPortError } from '../errors/orgport-error.js';
import { EMULATED_FROM } from '../operations/emulations.js';
import type { Adapter } from '../ports/adapter.js';
import { portMethod } from './port-dispatch.js';

/**
 * Checks, once at composition time, that every operation the manifest declares has its
 * port method, and reports all that are missing in one `invalid_argument` error.
 */
export function assertAdapter(adapter: Adapter): void {
  if (typeof adapter !== 'object' || adapter === null) {
    throw new OrgPortError('invalid_argument', 'adapter must be an object');
  }
  if (typeof adapter.name !== 'string' || adapter.name.length === 0) {
    throw new OrgPortError('invalid_argument', 'adapter.name must be a non-empty string');
  }
  if (typeof adapter.capabilities !== 'object' || adapter.capabilities === null) {
    throw new OrgPortError('invalid_argument', `adapter "${adapter.name}" has no capabilities`);
  }
  const missing: string[] = [];
  for (const operation of OPERATIONS) {
    if (adapter.capabilities[operation] !== true) continue;
    if (portMethod(adapter, operation)) continue;
    // The facade emulates some operations from another one the adapter implements.
    const source = EMULATED_FROM.get(operation);
    if (source && portMethod(adapter, source)) continue;
    missing.push(operation);
  }
  if (missing.length > 0) {
    throw new OrgPortError(
      'invalid_argument',
      `Adapter "${adapter.name}" declares capabilities it does not implement: ${missing.join(', ')}`,
      { vendor: adapter.name, meta: { missing } },
    );
  }
}
