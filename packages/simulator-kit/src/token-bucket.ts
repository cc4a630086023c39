/** The state of one bucket after a request, as rate-limit headers report it. */
export interface BucketVerdict {
  /** Whether the request may proceed. */
  readonly allowed: boolean;
  /** Bucket size. */
  readonly limit: number;
  /** Tokens left after this request. */
  readonly remaining: number;
  /** Epoch ms when the next token is added (or the bucket is full again). */
  readonly resetAtMs: number;
}

/** Size and refill rate of a token bucket. */
export interface BucketOptions {
  /** Burst size. */
  readonly capacity: number;
  /** Sustained rate. */
  readonly refillPerSecond: number;
}

/**
 * Token buckets keyed by client (or credential and route): burst = capacity, sustained =
 * refill rate, exactly as Auth0 documents its limits.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; updatedMs: number }>();

  /** Creates buckets of the given size; `now` is injectable. */
  constructor(
    public options: BucketOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token from `key`'s bucket if it has one. */
  take(key: string): BucketVerdict {
    const { capacity, refillPerSecond } = this.options;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: capacity, updatedMs: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updatedMs) / 1000) * refillPerSecond);
    bucket.updatedMs = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    const fraction = bucket.tokens - Math.floor(bucket.tokens);
    const resetAtMs =
      bucket.tokens >= capacity ? now : now + Math.ceil(((1 - fraction) / refillPerSecond) * 1000);
    return { allowed, limit: capacity, remaining: Math.floor(bucket.tokens), resetAtMs };
  }

  /** Empties every bucket (forces 429s until they refill). */
  drain(): void {
    const now = this.now();
    for (const bucket of this.buckets.values()) {
      bucket.tokens = 0;
      bucket.updatedMs = now;
    }
  }
}
