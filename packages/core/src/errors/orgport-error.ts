import type { ErrorCode } from './error-code.js';

const BRAND: unique symbol = Symbol.for('@orgport/core/OrgPortError') as never;

/** What an {@link OrgPortError} carries besides its code and message. */
export interface OrgPortErrorDetails {
  /** Name of the adapter (vendor) that produced the error, e.g. `auth0`. */
  readonly vendor?: string | undefined;
  /** HTTP status of the vendor response, when there was one. */
  readonly status?: number | undefined;
  /** The vendor's own machine-readable code, e.g. Auth0's `insufficient_scope`. */
  readonly errorCode?: string | undefined;
  /** How long the vendor asked us to wait before trying again, in milliseconds. */
  readonly retryAfterMs?: number | undefined;
  /** The vendor's request or correlation id, for support tickets. */
  readonly requestId?: string | undefined;
  /** The underlying error, kept reachable for debugging. Never contains secrets. */
  readonly cause?: unknown;
  /** Extra structured facts (field names, missing capabilities…); never secrets. */
  readonly meta?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * The one error type of orgport. Every failure surfaced by the facade, the adapters,
 * the transport and the migration engine is an `OrgPortError` with a closed
 * {@link ErrorCode}.
 *
 * Identify it with {@link OrgPortError.is}, not `instanceof`: a third-party adapter may
 * bundle its own copy of `@orgport/core`, and the brand is shared through `Symbol.for`.
 *
 * @example
 * ```ts
 * try { await directory.organizations.get('org_1'); }
 * catch (err) { if (OrgPortError.is(err, 'not_found')) { ... } else throw err; }
 * ```
 */
export class OrgPortError extends Error {
  /** The error's code; branch on this. */
  readonly code: ErrorCode;
  /** Adapter (vendor) name, when the error came from one. */
  readonly vendor: string | undefined;
  /** HTTP status of the vendor response, when there was one. */
  readonly status: number | undefined;
  /** The vendor's own error code. */
  readonly errorCode: string | undefined;
  /** Suggested wait before retrying, in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** The vendor's request id. */
  readonly requestId: string | undefined;
  /** Extra structured facts; never secrets. */
  readonly meta: Readonly<Record<string, unknown>> | undefined;

  /** Creates an error; prefer a message that names the field or operation concerned. */
  constructor(code: ErrorCode, message: string, details: OrgPortErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'OrgPortError';
    this.code = code;
    this.vendor = details.vendor;
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.retryAfterMs = details.retryAfterMs;
    this.requestId = details.requestId;
    this.meta = details.meta;
    Object.defineProperty(this, BRAND, { value: true, enumerable: false });
  }

  /**
   * True when `value` is an `OrgPortError` from any copy of `@orgport/core`, and, when
   * `code` is given, has that code.
   */
  static is(value: unknown, code?: ErrorCode): value is OrgPortError {
    if (typeof value !== 'object' || value === null) return false;
    if ((value as Record<symbol, unknown>)[BRAND] !== true) return false;
    return code === undefined || (value as { code?: unknown }).code === code;
  }

  /** A plain-object view for logs and JSON output (no stack, no cause chain). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    if (this.vendor !== undefined) out.vendor = this.vendor;
    if (this.status !== undefined) out.status = this.status;
    if (this.errorCode !== undefined) out.errorCode = this.errorCode;
    if (this.retryAfterMs !== undefined) out.retryAfterMs = this.retryAfterMs;
    if (this.requestId !== undefined) out.requestId = this.requestId;
    if (this.meta !== undefined) out.meta = this.meta;
    return out;
  }
}
