/**
 * `@orgport/core/internal`: low-level tables orgport's own tools (the bench) measure with.
 * Not public API: no adapter needs them, and they may change in any release. Adapters use
 * `@orgport/core/driver`.
 *
 * @packageDocumentation
 * @internal
 */
export { IdFingerprintSet } from './pagination/id-fingerprint-set.js';
