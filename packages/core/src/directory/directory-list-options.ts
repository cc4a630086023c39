import type { CallOptions } from '../calls/call-options.js';

/** Options of a facade list call. */
export interface DirectoryListOptions extends CallOptions {
  /** Preferred page size (the adapter clamps it to the vendor's limits). */
  readonly pageSize?: number | undefined;
}
