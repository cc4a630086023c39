import { OrgPortError } from './orgport-error.js';

/**
 * Turns anything thrown into an {@link OrgPortError}: an `OrgPortError` passes through,
 * an abort becomes `cancelled`, anything else becomes `internal` with the original kept
 * as `cause`.
 */
export function toOrgPortError(error: unknown, vendor?: string): OrgPortError {
  if (OrgPortError.is(error)) return error;
  if (isAbortError(error)) {
    return new OrgPortError('cancelled', 'The operation was cancelled', { vendor, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new OrgPortError('internal', `Unexpected error: ${message}`, { vendor, cause: error });
}

/** True for the errors `AbortSignal` produces (`AbortError`, and `TimeoutError` from `AbortSignal.timeout`). */
export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    ((error as { name?: unknown }).name === 'AbortError' ||
      (error as { code?: unknown }).code === 'ABORT_ERR')
  );
}

/** The `cancelled` error of a fired signal, with its reason as `cause`. */
export function cancelledBy(signal: AbortSignal | undefined, vendor?: string): OrgPortError {
  return new OrgPortError('cancelled', 'The operation was cancelled', { vendor, cause: signal?.reason });
}

/** Throws `cancelled` when the signal has fired; call before starting work. */
export function throwIfAborted(signal: AbortSignal | undefined, vendor?: string): void {
  if (signal?.aborted) throw cancelledBy(signal, vendor);
}

/**
 * The error to surface for a failed call: `cancelled` when the caller's signal has fired
 * (whatever the vendor call failed with meanwhile, kept as `cause`), else
 * {@link toOrgPortError}.
 */
export function toCallFailure(
  error: unknown,
  vendor: string | undefined,
  signal: AbortSignal | undefined,
): OrgPortError {
  if (!signal?.aborted) return toOrgPortError(error, vendor);
  if (OrgPortError.is(error, 'cancelled')) return error;
  return new OrgPortError('cancelled', 'The operation was cancelled', { vendor, cause: error });
}
