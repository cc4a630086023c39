import type { Clock } from '@orgport/core';
import type { FaultOptions, Faults } from './faults.js';
import { type FixtureOptions, type Fixtures, fixtures } from './fixtures/index.js';
import type { RequestStats } from './request-stats.js';
import type { BucketOptions } from './token-bucket.js';

/**
 * The options every vendor simulator takes, declared once: a simulator's own options
 * extend this with its credentials and quirks.
 */
export interface SimulatorStartOptions {
  /** Seed of generated ids and of the fixtures. Default 1. */
  readonly seed?: number | undefined;
  /** Data to start with: fixtures, or options to build them. Default: an empty account. */
  readonly fixtures?: Fixtures | FixtureOptions | undefined;
  /** Token bucket per credential (or route); `false` for none. Default 10 000 burst, 10 000/s. */
  readonly rateLimit?: BucketOptions | false | undefined;
  /** Random fault rates. */
  readonly faults?: FaultOptions | undefined;
  /** Latency added to every response, ms (real time: it exercises real socket timeouts). */
  readonly latencyMs?: number | undefined;
  /** Port on 127.0.0.1; default 0 (any free port). */
  readonly port?: number | undefined;
  /**
   * Time source of tokens, rate-limit buckets, `Retry-After` and timestamps (default: the
   * real clock). Share a virtual clock with the client under test and a 429's wait takes no
   * real time.
   */
  readonly clock?: Clock | undefined;
}

/** What every running vendor simulator offers, declared once. */
export interface RunningSimulator {
  /** Origin, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Request statistics. */
  readonly stats: RequestStats;
  /** Fault injection controls. */
  readonly faults: Faults;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/** Fixtures as given (built ones pass through), or built from their options. */
export function fixturesFrom(given: Fixtures | FixtureOptions): Fixtures {
  return typeof (given as Fixtures).organizations === 'function'
    ? (given as Fixtures)
    : fixtures(given as FixtureOptions);
}
