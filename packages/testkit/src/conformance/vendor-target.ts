import type { Adapter, Clock } from '@orgport/core';
import type { Faults, RequestStats, SimulatorStartOptions } from '@orgport/simulator-kit';
import type { ConformanceHarness, HarnessContext } from './harness.js';

/**
 * A running vendor the suite tests against: one of our simulators, the vendor's own
 * emulator, or a real local server. Only `url` and `close` are required; a target without
 * `faults` gets a fault proxy in front of it for the fault runs.
 */
export interface VendorTarget {
  /** Origin the adapter talks to. */
  readonly url: string;
  /** Request statistics, when the target keeps them (simulators do). */
  readonly stats?: RequestStats | undefined;
  /** Its own fault injection, when it has one (simulators do). */
  readonly faults?: Faults | undefined;
  /** Stops it. */
  close(): Promise<void>;
}

/** What the wiring passes to a vendor's `start`: the part of the shared simulator options it decides. */
export type VendorStartOptions = Pick<SimulatorStartOptions, 'seed' | 'clock' | 'faults'>;

/** Where an adapter under test should send its requests, and the clock it must share. */
export interface AdapterEndpoint {
  /** The target's origin, or the fault proxy's in front of it. */
  readonly baseUrl: string;
  /** The clock the target (and proxy) run on: give it to the adapter's HTTP client. */
  readonly clock: Clock;
}

/** The options every vendor's conformance harness takes, declared once. */
export interface VendorHarnessOptions<Target extends VendorTarget = VendorTarget> {
  /** The running vendor, shared by the tests of a file (each test gets its own prefix). */
  readonly target: Target;
  /** The adapter under test, pointed at the target (or at a fault proxy in front of it). */
  readonly adapter: Adapter;
}

/** A vendor's harness: seeds and inspects `target` behind the adapter's back. */
export type VendorHarness<Target extends VendorTarget = VendorTarget> = (
  context: HarnessContext,
  options: VendorHarnessOptions<Target>,
) => ConformanceHarness | Promise<ConformanceHarness>;
