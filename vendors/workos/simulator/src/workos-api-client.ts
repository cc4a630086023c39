/** One answer of the WorkOS API, as the seeder reads it. */
export interface WorkOSAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * A plain client of a WorkOS-shaped API (the official emulator or this simulator) for
 * seeding and back-door reads, behind the adapter's back. It spreads its requests over the
 * API keys it is given, moving to the next key after `perKey` requests, so seeding
 * thousands of members stays under a per-key rate limit (the emulator allows 1,000
 * requests per 60 s per key).
 */
export class WorkOSApiClient {
  private used = 0;
  private key = 0;

  /** A client of `url` with these keys. */
  constructor(
    private readonly url: string,
    private readonly keys: readonly string[],
    private readonly perKey = 900,
  ) {
    if (keys.length === 0) throw new Error('WorkOSApiClient needs at least one API key');
  }

  /** Sends one request; fails unless the status is 2xx or one of `accept`. */
  async request(
    method: string,
    path: string,
    body?: unknown,
    accept: readonly number[] = [],
  ): Promise<WorkOSAnswer> {
    if (++this.used > this.perKey) {
      this.used = 1;
      this.key = (this.key + 1) % this.keys.length;
    }
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.keys[this.key]}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    if (!response.ok && !accept.includes(response.status))
      throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 200)}`);
    return { status: response.status, body: parsed };
  }

  /** The body of a 2xx answer as `T` (the caller knows the shape). */
  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await this.request(method, path, body)).body as T;
  }
}
