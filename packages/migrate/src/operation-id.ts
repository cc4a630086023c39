import { createHash } from 'node:crypto';

/** A short, stable id for an operation: the same write always gets the same id. */
export function operationId(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}
