/** One request the simulator served. */
export interface RecordedRequest {
  readonly method: string;
  /** Path with query, as received. */
  readonly url: string;
  /** The matched route pattern, or `unmatched`. */
  readonly route: string;
  readonly status: number;
  /** Fault injected into this response, if any. */
  readonly fault?: string | undefined;
  /** When it was answered (`performance.now()` of the simulator's process), ms. */
  readonly atMs?: number | undefined;
}

/** Request statistics of a simulator. */
export class RequestStats {
  /** Every request, in order (bounded by `maxLog`). */
  readonly log: RecordedRequest[] = [];
  /** Requests per route pattern (`GET /organizations/:id/members`). */
  readonly byRoute = new Map<string, number>();
  /** Responses per status. */
  readonly byStatus = new Map<number, number>();
  /** Total requests. */
  requests = 0;
  /** Response body bytes sent. */
  bytesSent = 0;

  /** Keeps at most `maxLog` log entries. */
  constructor(private readonly maxLog = 100_000) {}

  /** Records one request. */
  record(entry: RecordedRequest, bytes: number): void {
    this.requests++;
    this.bytesSent += bytes;
    this.byRoute.set(entry.route, (this.byRoute.get(entry.route) ?? 0) + 1);
    this.byStatus.set(entry.status, (this.byStatus.get(entry.status) ?? 0) + 1);
    if (this.log.length < this.maxLog) this.log.push({ ...entry, atMs: performance.now() });
  }

  /** Requests whose route is a write (POST, PUT, PATCH, DELETE). */
  get writes(): number {
    return this.log.filter((entry) => entry.method !== 'GET').length;
  }

  /** Forgets everything. */
  reset(): void {
    this.log.length = 0;
    this.byRoute.clear();
    this.byStatus.clear();
    this.requests = 0;
    this.bytesSent = 0;
  }
}
