import { SeededRandom } from './seeded-random.js';

/** The faults a simulator can inject into API responses. */
export type FaultKind = 'rate_limit' | 'server_error' | 'reset' | 'latency' | 'malformed' | 'missing_field';

/** Probabilities (0–1) of each fault per API request, and fault parameters. */
export interface FaultOptions {
  /** Seed of the fault schedule: the same seed injects the same faults. Default 1. */
  readonly seed?: number;
  /** 429 with the vendor's body. */
  readonly rateLimit?: number;
  /** 500, 502 or 503. */
  readonly serverError?: number;
  /** Connection destroyed: before the response, or half-way through the body. */
  readonly reset?: number;
  /** Extra delay of `latencyMs`. */
  readonly latency?: number;
  /** Delay used by `latency` faults, ms. Default 200. */
  readonly latencyMs?: number;
  /** Body cut short (invalid JSON), status 200. */
  readonly malformed?: number;
  /** A required field removed from the first object of the body. */
  readonly missingField?: number;
}

/** What the server should do to one response. */
export type FaultDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'rate_limit' }
  | { readonly kind: 'server_error'; readonly status: 500 | 502 | 503 }
  | { readonly kind: 'reset'; readonly midBody: boolean }
  | { readonly kind: 'latency'; readonly ms: number }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'missing_field' };

/**
 * A seeded fault schedule. Random faults follow the configured rates; `queue` forces the
 * next responses to fail in a given way (e.g. a burst of five 429s), for deterministic tests.
 */
export class Faults {
  private options: FaultOptions = {};
  private random = new SeededRandom(1);
  private readonly queued: FaultKind[] = [];
  /** How many faults of each kind were injected. */
  readonly injected: Record<FaultKind, number> = {
    rate_limit: 0,
    server_error: 0,
    reset: 0,
    latency: 0,
    malformed: 0,
    missing_field: 0,
  };

  /** Replaces the random fault rates (and re-seeds the schedule). */
  configure(options: FaultOptions): void {
    this.options = { ...options };
    this.random = new SeededRandom(options.seed ?? 1);
  }

  /** Forces the next `count` API responses to fail with `kind`. */
  queue(kind: FaultKind, count = 1): void {
    for (let n = 0; n < count; n++) this.queued.push(kind);
  }

  /** Stops every fault. */
  clear(): void {
    this.queued.length = 0;
    this.configure({});
  }

  /** Total faults injected so far. */
  get total(): number {
    return Object.values(this.injected).reduce((sum, count) => sum + count, 0);
  }

  /** Decides the fate of the next API response. */
  decide(): FaultDecision {
    const kind = this.queued.shift() ?? this.pick();
    if (kind === undefined) return { kind: 'none' };
    this.injected[kind]++;
    switch (kind) {
      case 'server_error':
        return { kind, status: ([500, 502, 503] as const)[this.random.int(3)] ?? 503 };
      case 'reset':
        return { kind, midBody: this.random.next() < 0.5 };
      case 'latency':
        return { kind, ms: this.options.latencyMs ?? 200 };
      default:
        return { kind };
    }
  }

  private pick(): FaultKind | undefined {
    const rates: [FaultKind, number | undefined][] = [
      ['rate_limit', this.options.rateLimit],
      ['server_error', this.options.serverError],
      ['reset', this.options.reset],
      ['latency', this.options.latency],
      ['malformed', this.options.malformed],
      ['missing_field', this.options.missingField],
    ];
    const roll = this.random.next();
    let threshold = 0;
    for (const [kind, rate] of rates) {
      threshold += rate ?? 0;
      if (roll < threshold) return kind;
    }
    return undefined;
  }
}
