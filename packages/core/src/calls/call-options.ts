/** Options every port method and facade call accepts. */
export interface CallOptions {
  /** Cancels the call; the promise then rejects with an `OrgPortError` of code `cancelled`. */
  readonly signal?: AbortSignal | undefined;
}

/** Options of a port's list method: which page to fetch. */
export interface ListOptions extends CallOptions {
  /** Cursor from the previous page's `next`; absent for the first page. */
  readonly cursor?: string | undefined;
  /** Preferred page size; adapters clamp it to what the vendor allows. */
  readonly pageSize?: number | undefined;
}
