import type { Adapter, Clock } from '@orgport/core';
import { systemClock } from '@orgport/core';
import { createVirtualClock } from '@orgport/core/driver';
import {
  type FaultOptions,
  type FaultProxy,
  type FaultProxyOptions,
  startFaultProxy,
} from '@orgport/simulator-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConformanceSuiteOptions, runConformanceSuite } from './run-conformance-suite.js';
import type { AdapterEndpoint, VendorHarness, VendorStartOptions, VendorTarget } from './vendor-target.js';

/** One run of the suite against a freshly started target. */
export interface VendorVariant<StartOptions extends VendorStartOptions | undefined = VendorStartOptions> {
  /** Shown after the vendor's name: `<name> adapter <label>`. */
  readonly label: string;
  /** Seed of the target (and of its faults). Default: the base seed plus the variant's position. */
  readonly seed?: number | undefined;
  /** More start options for this run (quirks, lag, …). */
  readonly options?: Partial<NonNullable<StartOptions>> | undefined;
  /** Fault rates for this run. Default: none. */
  readonly faults?: FaultOptions | undefined;
  /** Inject them through the fault proxy even when the target has faults of its own. Default false. */
  readonly viaProxy?: boolean | undefined;
  /**
   * `virtual` (default): target, proxy and adapter share a virtual clock, so a 429 waits no
   * real time. `real`: the system clock, for runs that test real lag (the suite's
   * `eventually` polls in real time).
   */
  readonly clock?: 'virtual' | 'real' | undefined;
}

/** Options of {@link runVendorConformance}. */
export interface VendorConformanceOptions<
  Target extends VendorTarget,
  StartOptions extends VendorStartOptions | undefined = VendorStartOptions,
> extends Pick<ConformanceSuiteOptions, 'only' | 'skip' | 'scale' | 'timeoutMs' | 'capabilities'> {
  /** The vendor's name, e.g. `auth0`. */
  readonly name: string;
  /**
   * Starts the target with the given seed, clock and (for a simulator) fault rates. A
   * simulator's `start` is usually its own start function. Every other field of its
   * options must be optional: the wiring passes only these and the variant's `options`.
   */
  readonly start: (options: StartOptions) => Promise<Target>;
  /** Builds the adapter under test for an endpoint (the target, or a fault proxy in front of it). */
  readonly makeAdapter: (target: Target, endpoint: AdapterEndpoint) => Adapter;
  /** The vendor's harness: seeds and inspects the target. */
  readonly harness: VendorHarness<Target>;
  /**
   * The runs: `plain`, `faults` (5% 429s and 5% 5xx, from the target's own fault
   * injection or, for a target without one, through the fault proxy), or a variant of
   * your own. Default `['plain', 'faults']`.
   */
  readonly variants?: readonly ('plain' | 'faults' | VendorVariant<NoInfer<StartOptions>>)[] | undefined;
  /** Seed of the first run; later runs count up from it. Default 1. */
  readonly seed?: number | undefined;
  /** How the fault proxy speaks for this vendor (rate-limit headers, 429 and 5xx bodies, token paths). */
  readonly proxy?: Omit<FaultProxyOptions, 'upstream' | 'faults' | 'clock'> | undefined;
  /** Faults a run with fault rates must have injected, or it fails as a run that proved nothing. Default 10. */
  readonly minFaults?: number | undefined;
}

/** The `faults` run's rates: 10% of requests fail, half with 429, half with 5xx. */
export const DEFAULT_FAULT_RATES: FaultOptions = { rateLimit: 0.05, serverError: 0.05 };

function variantOf<StartOptions extends VendorStartOptions | undefined>(
  entry: 'plain' | 'faults' | VendorVariant<StartOptions>,
): VendorVariant<StartOptions> {
  if (entry === 'plain') return { label: 'plain' };
  if (entry === 'faults')
    return { label: 'with 10% injected 429 and 5xx faults', faults: DEFAULT_FAULT_RATES };
  return entry;
}

/**
 * Wires a vendor's conformance tests in one call: for each variant, starts the target on
 * a shared clock (virtual by default), puts a fault proxy in front of it when faults are
 * wanted and the target has none of its own, runs the whole suite with a fresh harness per
 * test, checks that a faulty run really injected faults, and stops everything.
 *
 * @example
 * ```ts
 * runVendorConformance({
 *   name: 'auth0',
 *   seed: 7,
 *   start: startAuth0Simulator,
 *   makeAdapter: (sim, { baseUrl, clock }) =>
 *     createAuth0Adapter({ baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret, http: { clock } }),
 *   harness: auth0SimulatorHarness,
 *   variants: ['plain', 'faults'],
 * });
 * ```
 */
export function runVendorConformance<
  Target extends VendorTarget,
  StartOptions extends VendorStartOptions | undefined,
>(options: VendorConformanceOptions<Target, StartOptions>): void {
  const entries = options.variants ?? ['plain', 'faults'];
  const baseSeed = options.seed ?? 1;
  entries.forEach((entry, position) => {
    const variant = variantOf(entry);
    const seed = variant.seed ?? baseSeed + position;
    describe(`${options.name} adapter ${variant.label}`, () => {
      const clock: Clock = variant.clock === 'real' ? systemClock : createVirtualClock();
      let target: Target;
      let proxy: FaultProxy | undefined;
      let endpoint: AdapterEndpoint;
      beforeAll(async () => {
        const faults = variant.faults && { seed, ...variant.faults };
        const own = faults && !variant.viaProxy ? { faults } : {};
        // Every other field of StartOptions is optional (documented on `start`).
        target = await options.start({ seed, clock, ...own, ...variant.options } as StartOptions);
        // A proxy injects the faults a target cannot, and counts requests for a target that
        // does not (an emulator): "refused before any request" must be provable on every variant.
        if ((faults && (variant.viaProxy || target.faults === undefined)) || target.stats === undefined)
          proxy = await startFaultProxy({
            ...options.proxy,
            upstream: target.url,
            ...(faults ? { faults } : {}),
            clock,
          });
        endpoint = { baseUrl: proxy?.url ?? target.url, clock };
      });
      afterAll(async () => {
        await proxy?.close();
        await target?.close();
      });
      runConformanceSuite({
        name: options.name,
        only: options.only,
        skip: options.skip,
        scale: options.scale,
        timeoutMs: options.timeoutMs,
        capabilities: options.capabilities,
        makeHarness: async (context) => {
          const harness = await options.harness(context, {
            target,
            adapter: options.makeAdapter(target, endpoint),
          });
          // Behind a proxy, every request the adapter sent is the proxy's to count.
          const counted = proxy;
          return counted ? { ...harness, requestCount: () => counted.stats.requests } : harness;
        },
      });
      if (variant.faults) {
        it('really injected faults', () => {
          const injected = (proxy?.faults ?? target.faults)?.total ?? 0;
          expect(injected).toBeGreaterThanOrEqual(options.minFaults ?? 10);
        });
      }
    });
  });
}
